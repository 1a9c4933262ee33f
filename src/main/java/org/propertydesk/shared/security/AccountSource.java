package org.propertydesk.shared.security;

import java.util.Optional;

/**
 * Where people's accounts come from: staff accounts, and owners' portal accounts. The login form, the API's token
 * endpoint and the session check ask each source in turn, staff first; a username belongs to one account only.
 */
public interface AccountSource {

    Optional<PropertyDeskUser> find(String username);
}
