package org.propertydesk.shared.security;

import org.springframework.stereotype.Component;

/** Whether a login name is already somebody's, staff or owner, so that a new account does not take it. */
@Component
public class UsernameCheck {

    private final Accounts accounts;

    UsernameCheck(Accounts accounts) {
        this.accounts = accounts;
    }

    public boolean taken(String username) {
        return accounts.exists(username);
    }
}
