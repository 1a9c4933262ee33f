/**
 * Satisfaction surveys (满意度调查): managers build questionnaires with rating questions per service line, choices and
 * free text for their sites; owners answer through a signed link, or staff enter a paper or phone answer on their
 * behalf; the results give the response rate and the satisfaction index per site and service line against the
 * previous survey and the national figure, and a low index raises an improvement task for the site's managers.
 */
@ApplicationModule(displayName = "Satisfaction surveys")
package org.propertydesk.surveys;

import org.springframework.modulith.ApplicationModule;
