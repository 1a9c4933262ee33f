package org.propertydesk.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.propertydesk.shared.security.PropertyDeskUser;
import org.propertydesk.shared.security.Role;
import org.propertydesk.support.ClockedIntegrationTest;
import org.propertydesk.support.MutableClock;
import org.propertydesk.support.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Owner accounts from code to login: the front desk issues a code for one of the customer's phone numbers, and the
 * holder of phone and code activates the account once, before the code expires; wrong codes, too many tries and newer
 * codes stop a code working; a code for an existing account sets a new password; moving out takes the houses away.
 */
@ClockedIntegrationTest
class OwnerAccountsTest {

    private static final String PASSWORD = "Hausschluessel8";

    @Autowired
    PortalAccountData data;

    @Autowired
    OwnerAccounts ownerAccounts;

    @Autowired
    OwnerHouseholds households;

    @Autowired
    UserDetailsService logins;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    MutableClock clock;

    long site;
    long house;
    String phone;
    long customer;
    PropertyDeskUser desk;
    String address;

    @BeforeEach
    void anOwnerOfASite() {
        clock.set("2026-03-25T10:00");
        site = data.site();
        house = data.house(site);
        phone = PortalAccountData.mobile();
        customer = data.owner(house, phone);
        desk = Users.frontDesk(site);
        address = PortalAccountData.address();
    }

    @Test
    void anIssuedCodeActivatesAnAccountThatLogsInWithThePhoneNumberAndSeesTheHouse() {
        OwnerAccounts.IssuedCode issued = issue(phone);
        assertThat(issued.code()).matches("[0-9]{8}");
        assertThat(issued.reset()).isFalse();
        assertThat(issued.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofDays(3)));

        String login = ownerAccounts.activate(" " + phone.substring(0, 3) + " " + phone.substring(3), issued.code(), "",
                PASSWORD, address);

        assertThat(login).isEqualTo(phone);
        PropertyDeskUser owner = (PropertyDeskUser) logins.loadUserByUsername(login);
        assertThat(owner.isOwner()).isTrue();
        assertThat(owner.isEnabled()).isTrue();
        assertThat(owner.customerId()).isEqualTo(customer);
        assertThat(owner.siteScope().siteIds()).containsExactly(site);
        assertThat(passwords.matches(PASSWORD, owner.getPassword())).isTrue();
        assertThat(Users.callAs(owner, () -> households.houseIds())).containsExactly(house);
    }

    @Test
    void theOwnerMayChooseALoginName() {
        String name = "wang." + PortalAccountData.unique().toLowerCase();

        assertThat(ownerAccounts.activate(phone, issue(phone).code(), name, PASSWORD, address)).isEqualTo(name);
        assertThat(((PropertyDeskUser) logins.loadUserByUsername(name)).customerId()).isEqualTo(customer);
    }

    @Test
    void aCodeWorksOnlyOnce() {
        String code = issue(phone).code();
        ownerAccounts.activate(phone, code, null, PASSWORD, address);

        assertRefused(() -> ownerAccounts.activate(phone, code, null, "AnderesPasswort9", address), "code",
                "portal.error.codeInvalid");
        assertThat(passwords.matches(PASSWORD, logins.loadUserByUsername(phone).getPassword())).isTrue();
    }

    @Test
    void aCodeStopsWorkingWhenItExpires() {
        String code = issue(phone).code();
        clock.advance(Duration.ofDays(3).plusMinutes(1));

        assertRefused(() -> ownerAccounts.activate(phone, code, null, PASSWORD, address), "code",
                "portal.error.codeInvalid");
        assertThat(data.accountUsername(customer)).isNull();
    }

    @Test
    void aCodeWorksOnlyForThePhoneNumberItWasIssuedFor() {
        String second = PortalAccountData.mobile();
        long family = data.owner(data.house(site), phone, second);
        String code = Users.callAs(desk, () -> ownerAccounts.issue(family, second)).code();

        assertRefused(() -> ownerAccounts.activate(phone, code, null, PASSWORD, address), "code",
                "portal.error.codeInvalid");
        assertThat(ownerAccounts.activate(second, code, null, PASSWORD, address)).isEqualTo(second);
    }

    @Test
    void fiveWrongCodesRevokeTheCode() {
        String code = issue(phone).code();
        for (int i = 0; i < ActivationCode.MAX_FAILED_ATTEMPTS; i++) {
            assertRefused(() -> ownerAccounts.activate(phone, wrong(code), null, PASSWORD, address), "code",
                    "portal.error.codeInvalid");
        }

        assertRefused(() -> ownerAccounts.activate(phone, code, null, PASSWORD, address), "code",
                "portal.error.codeInvalid");
    }

    @Test
    void fourWrongCodesLeaveTheCodeWorking() {
        String code = issue(phone).code();
        for (int i = 0; i < ActivationCode.MAX_FAILED_ATTEMPTS - 1; i++) {
            assertRefused(() -> ownerAccounts.activate(phone, wrong(code), null, PASSWORD, address), "code",
                    "portal.error.codeInvalid");
        }

        assertThat(ownerAccounts.activate(phone, code, null, PASSWORD, address)).isEqualTo(phone);
    }

    @Test
    void theEleventhTryForAPhoneNumberWithinAnHourIsRefusedEvenWithAFreshCode() {
        for (int i = 0; i < OwnerAccounts.MAX_TRIES_PER_PHONE; i++) {
            String from = PortalAccountData.address();
            assertRefused(() -> ownerAccounts.activate(phone, "00000000", null, PASSWORD, from), "code",
                    "portal.error.codeInvalid");
        }
        String fresh = issue(phone).code();

        assertRefused(() -> ownerAccounts.activate(phone, fresh, null, PASSWORD, address), "code",
                "portal.error.tooManyTries");
        clock.advance(Duration.ofHours(1).plusMinutes(1));
        assertThat(ownerAccounts.activate(phone, fresh, null, PASSWORD, address)).isEqualTo(phone);
    }

    @Test
    void anAddressTryingManyPhoneNumbersIsRefusedAfterThirtyTries() {
        String code = issue(phone).code();
        for (int i = 0; i < OwnerAccounts.MAX_TRIES_PER_ADDRESS; i++) {
            String other = PortalAccountData.mobile();
            assertRefused(() -> ownerAccounts.activate(other, "00000000", null, PASSWORD, address), "code",
                    "portal.error.codeInvalid");
        }

        assertRefused(() -> ownerAccounts.activate(phone, code, null, PASSWORD, address), "code",
                "portal.error.tooManyTries");
        assertThat(ownerAccounts.activate(phone, code, null, PASSWORD, PortalAccountData.address())).isEqualTo(phone);
    }

    @Test
    void aNewerCodeRevokesTheOlderOne() {
        String older = issue(phone).code();
        String newer = issue(phone).code();

        assertRefused(() -> ownerAccounts.activate(phone, older, null, PASSWORD, address), "code",
                "portal.error.codeInvalid");
        assertThat(ownerAccounts.activate(phone, newer, null, PASSWORD, address)).isEqualTo(phone);
    }

    @Test
    void aCodeIsIssuedOnlyForOneOfTheCustomersOwnPhoneNumbers() {
        String someoneElses = PortalAccountData.mobile();
        data.owner(data.house(site), someoneElses);

        assertRefused(() -> Users.callAs(desk, () -> ownerAccounts.issue(customer, someoneElses)), "phone",
                "portal.error.phoneNotTheCustomers");
        assertRefused(() -> Users.callAs(desk, () -> ownerAccounts.issue(customer, "")), "phone",
                "portal.error.phoneNotTheCustomers");
    }

    @Test
    void aLoginNameOfAMemberOfStaffCannotBeTakenAndTheCodeStillWorksWithAnother() {
        PropertyDeskUser staff = data.staff(Role.TECHNICIAN, site);
        String code = issue(phone).code();

        assertRefused(() -> ownerAccounts.activate(phone, code, staff.getUsername(), PASSWORD, address), "username",
                "portal.error.usernameTaken");
        assertThat(data.accountUsername(customer)).isNull();
        assertThat(ownerAccounts.activate(phone, code, null, PASSWORD, address)).isEqualTo(phone);
        assertThat(((PropertyDeskUser) logins.loadUserByUsername(staff.getUsername())).isOwner()).isFalse();
    }

    @Test
    void aShortPasswordIsRefusedAtThePasswordField() {
        String code = issue(phone).code();

        assertRefused(() -> ownerAccounts.activate(phone, code, null, "kurz", address), "password",
                "portal.error.passwordTooShort");
        assertThat(ownerAccounts.activate(phone, code, null, PASSWORD, address)).isEqualTo(phone);
    }

    @Test
    void aCodeForAnExistingAccountSetsANewPasswordAndSwitchesTheAccountOnAgain() {
        ownerAccounts.activate(phone, issue(phone).code(), null, PASSWORD, address);
        Users.runAs(desk, () -> ownerAccounts.deactivate(customer));
        assertThat(logins.loadUserByUsername(phone).isEnabled()).isFalse();

        OwnerAccounts.IssuedCode reset = issue(phone);
        assertThat(reset.reset()).isTrue();
        String login = ownerAccounts.activate(phone, reset.code(), "ein.anderer.name", "NeuesPasswort77", address);

        assertThat(login).isEqualTo(phone);
        PropertyDeskUser owner = (PropertyDeskUser) logins.loadUserByUsername(phone);
        assertThat(owner.isEnabled()).isTrue();
        assertThat(passwords.matches("NeuesPasswort77", owner.getPassword())).isTrue();
        assertThat(passwords.matches(PASSWORD, owner.getPassword())).isFalse();
    }

    @Test
    void aTenantWhoMovedOutKeepsTheLoginButLosesTheSiteAndTheHouse() {
        String tenantPhone = PortalAccountData.mobile();
        long tenant = data.customer(house, "TENANT", null, tenantPhone);
        String code = Users.callAs(desk, () -> ownerAccounts.issue(tenant, tenantPhone)).code();
        ownerAccounts.activate(tenantPhone, code, null, PASSWORD, address);
        assertThat(((PropertyDeskUser) logins.loadUserByUsername(tenantPhone)).siteScope().siteIds()).containsExactly(site);

        data.moveOut(tenant, LocalDate.of(2026, 3, 25));

        PropertyDeskUser movedOut = (PropertyDeskUser) logins.loadUserByUsername(tenantPhone);
        assertThat(movedOut.siteScope().allSites()).isFalse();
        assertThat(movedOut.siteScope().siteIds()).isEmpty();
        assertThat(Users.callAs(movedOut, () -> households.houses())).isEmpty();
    }

    private OwnerAccounts.IssuedCode issue(String number) {
        return Users.callAs(desk, () -> ownerAccounts.issue(customer, number));
    }

    private static String wrong(String code) {
        return code.equals("99999999") ? "99999998" : "99999999";
    }

    private static void assertRefused(Runnable attempt, String field, String messageKey) {
        assertThatThrownBy(attempt::run).isInstanceOfSatisfying(FieldRefusal.class, refusal -> {
            assertThat(refusal.field()).isEqualTo(field);
            assertThat(refusal.messageKey()).isEqualTo(messageKey);
        });
    }
}
