package org.propertydesk.portal;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.propertydesk.records.PhoneNumbers;
import org.propertydesk.records.RecordsDirectory;
import org.propertydesk.shared.security.CurrentUser;
import org.propertydesk.shared.security.UsernameCheck;
import org.propertydesk.shared.time.Dates;
import org.propertydesk.shared.web.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Owners' portal accounts: the front desk issues a code for one of the customer's phone numbers; whoever holds the
 * phone and the code activates the account (or sets a new password) once, before the code expires. Tries are
 * limited per phone number and per address, and wrong codes wear the open codes of that number out.
 */
@Service
@Transactional
public class OwnerAccounts {

    static final int MIN_PASSWORD_LENGTH = 8;
    /** What the password hash takes; longer passwords are refused rather than cut. */
    static final int MAX_PASSWORD_BYTES = 72;
    static final int MAX_TRIES_PER_PHONE = 10;
    static final int MAX_TRIES_PER_ADDRESS = 30;
    static final Duration TRY_WINDOW = Duration.ofHours(1);

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A code as the front desk reads it out or prints it; the plain code is never stored. */
    public record IssuedCode(long customerId, String customerName, String phone, String code, boolean reset,
            Instant expiresAt) {
    }

    private final OwnerAccountRepository accounts;
    private final ActivationCodeRepository codes;
    private final RecordsDirectory records;
    private final PasswordEncoder passwordEncoder;
    private final PublicAttempts attempts;
    private final UsernameCheck usernames;
    private final Dates dates;
    private final Duration codeValidFor;
    private final String decoyHash;

    OwnerAccounts(OwnerAccountRepository accounts, ActivationCodeRepository codes, RecordsDirectory records,
            PasswordEncoder passwordEncoder, PublicAttempts attempts, UsernameCheck usernames, Dates dates,
            @Value("${propertydesk.portal.code-valid-for:P3D}") Duration codeValidFor) {
        this.accounts = accounts;
        this.codes = codes;
        this.records = records;
        this.passwordEncoder = passwordEncoder;
        this.attempts = attempts;
        this.usernames = usernames;
        this.dates = dates;
        this.codeValidFor = codeValidFor;
        this.decoyHash = passwordEncoder.encode(newCode());
    }

    /**
     * Issues a code for a customer the current member of staff may see, for one of the customer's phone numbers;
     * earlier open codes of the customer stop working. With an account already there, the code sets a new password.
     */
    public IssuedCode issue(long customerId, String phone) {
        RecordsDirectory.CustomerSummary customer = records.customer(customerId, CurrentUser.siteScope())
                .orElseThrow(() -> new NotFoundException("customer", customerId));
        String digits = PhoneNumbers.normalise(phone);
        if (digits.isEmpty() || !customer.phones().contains(digits)) {
            throw new FieldRefusal("phone", "portal.error.phoneNotTheCustomers");
        }
        Instant now = dates.now();
        codes.findOpenByCustomerId(customerId).forEach(open -> open.revoke(now));
        boolean reset = accounts.findByCustomerId(customerId).isPresent();
        String code = newCode();
        codes.save(new ActivationCode(customerId, digits, passwordEncoder.encode(code),
                reset ? ActivationCode.Purpose.RESET : ActivationCode.Purpose.ACTIVATE, now, CurrentUser.username(),
                now.plus(codeValidFor)));
        return new IssuedCode(customerId, customer.name(), digits, code, reset, now.plus(codeValidFor));
    }

    /** Whether the customer has a portal account, and since when. */
    @Transactional(readOnly = true)
    public Optional<Instant> activatedAt(long customerId) {
        return accounts.findByCustomerId(customerId).map(OwnerAccount::getActivatedAt);
    }

    /**
     * Activates the account of the code's customer, or sets its new password, and returns the login name: the
     * chosen one, or the phone number. Refusals name the field they belong to, and commit: a wrong code must still
     * wear the open codes out.
     */
    @Transactional(noRollbackFor = FieldRefusal.class)
    public String activate(String phone, String code, String username, String password, String address) {
        Instant now = dates.now();
        String digits = PhoneNumbers.normalise(phone);
        if (!attempts.allow(PublicAttempts.Form.ACTIVATE, "address:" + address, MAX_TRIES_PER_ADDRESS, TRY_WINDOW, now)
                || !attempts.allow(PublicAttempts.Form.ACTIVATE, "phone:" + digits, MAX_TRIES_PER_PHONE, TRY_WINDOW, now)) {
            throw new FieldRefusal("code", "portal.error.tooManyTries");
        }
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new FieldRefusal("password", "portal.error.passwordTooShort");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new FieldRefusal("password", "portal.error.passwordTooLong");
        }
        List<ActivationCode> open = digits.isEmpty() ? List.of() : codes.findOpenByPhone(digits);
        String entered = code == null ? "" : code.trim();
        if (open.isEmpty()) {
            // the same work as a real check, so that the answer's time does not tell which numbers have a code
            passwordEncoder.matches(entered, decoyHash);
        }
        ActivationCode match = open.stream()
                .filter(candidate -> candidate.usableAt(now) && passwordEncoder.matches(entered, candidate.getCodeHash()))
                .findFirst().orElse(null);
        if (match == null) {
            open.forEach(candidate -> candidate.failedAttempt(now));
            throw new FieldRefusal("code", "portal.error.codeInvalid");
        }
        String hash = passwordEncoder.encode(password);
        Optional<OwnerAccount> existing = accounts.findByCustomerId(match.getCustomerId());
        String login;
        if (existing.isPresent()) {
            existing.get().newPassword(hash, now);
            login = existing.get().getUsername();
        } else {
            login = username == null || username.isBlank() ? digits : username.trim();
            if (!login.matches("[A-Za-z0-9._-]{3,64}")) {
                throw new FieldRefusal("username", "portal.error.usernameInvalid");
            }
            if (usernames.taken(login)) {
                throw new FieldRefusal("username", "portal.error.usernameTaken");
            }
            accounts.save(new OwnerAccount(match.getCustomerId(), login, hash, now));
        }
        match.used(now);
        return login;
    }

    /** Creates an account directly, for demo data: a customer with a known login. */
    public void ensureAccount(long customerId, String username, String rawPassword) {
        if (accounts.findByCustomerId(customerId).isEmpty() && !usernames.taken(username)) {
            accounts.save(new OwnerAccount(customerId, username, passwordEncoder.encode(rawPassword), dates.now()));
        }
    }

    /** Switches a customer's account off (the front desk, for a lost phone); a new code switches it on again. */
    public void deactivate(long customerId) {
        records.customer(customerId, CurrentUser.siteScope()).orElseThrow(() -> new NotFoundException("customer", customerId));
        accounts.findByCustomerId(customerId).ifPresent(OwnerAccount::deactivate);
        codes.findOpenByCustomerId(customerId).forEach(open -> open.revoke(dates.now()));
    }

    private static String newCode() {
        return String.format("%08d", RANDOM.nextInt(100_000_000));
    }
}
