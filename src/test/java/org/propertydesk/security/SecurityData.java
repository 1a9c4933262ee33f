package org.propertydesk.security;

import org.propertydesk.portal.OwnerAccounts;
import org.propertydesk.records.RecordsFixtures;
import org.propertydesk.requests.Channel;
import org.propertydesk.requests.Priority;
import org.propertydesk.requests.RequestIntake;
import org.propertydesk.requests.RequestKind;
import org.propertydesk.shared.security.PropertyDeskUser;
import org.propertydesk.support.Users;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Households with a real portal account, and requests at their house, each on a site of its own with unique codes
 * (the tests share a database).
 */
final class SecurityData {

    private final RecordsFixtures records;
    private final OwnerAccounts owners;
    private final UserDetailsService accounts;
    private final RequestIntake intake;

    SecurityData(ApplicationContext context) {
        this.records = new RecordsFixtures(context);
        this.owners = context.getBean(OwnerAccounts.class);
        this.accounts = context.getBean(UserDetailsService.class);
        this.intake = context.getBean(RequestIntake.class);
    }

    /** An owner living in the house, logged in as the portal login loads them. */
    record Household(long siteId, long houseId, long customerId, PropertyDeskUser owner) {
    }

    Household household() {
        return household("业主" + RecordsFixtures.unique());
    }

    Household household(String ownerName) {
        long site = records.site().id();
        long house = records.house(site, "1", "1", "0101");
        long customer = records.customerIn(house, ownerName);
        String username = "owner-sec-" + RecordsFixtures.unique().toLowerCase();
        owners.ensureAccount(customer, username, "portal secret 9");
        return new Household(site, house, customer, (PropertyDeskUser) accounts.loadUserByUsername(username));
    }

    /** A repair reported at the front desk for the household's house; returns its id. */
    long request(Household household, String description) {
        return Users.callAs(Users.frontDesk(household.siteId()), () -> intake.receive(new RequestIntake.NewRequest(
                RequestKind.REPAIR, "PLUMBING", Channel.PHONE, household.siteId(), Priority.NORMAL, household.houseId(),
                household.customerId(), "13800000000", null, description, null)));
    }

    RecordsFixtures records() {
        return records;
    }
}
