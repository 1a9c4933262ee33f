/**
 * Callbacks (回访) and ratings: after a request is resolved, someone calls the owner back — always for complaints, for
 * a sample of repairs — and what the owner says closes the request or sends it back to work. Owners rate a request
 * once, from a signed link or through staff on the callback.
 */
@ApplicationModule(displayName = "Callbacks and ratings")
package org.propertydesk.callbacks;

import org.springframework.modulith.ApplicationModule;
