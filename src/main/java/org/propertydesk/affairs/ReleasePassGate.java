package org.propertydesk.affairs;

import java.time.Instant;
import java.util.Optional;

import org.propertydesk.shared.security.CurrentUser;
import org.propertydesk.shared.time.Dates;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The gate's side of release passes: a guard checks a number (typed, or opened from the pass's QR code) and lets the
 * items through. A pass works once and only on its date. Every check is logged with who, when and what it found;
 * a pass of a site the guard does not serve is "unknown" to them, exactly like a number nobody issued.
 */
@Service
@Transactional
public class ReleasePassGate {

    /** What a check found; the pass is absent when the number is unknown to the guard. */
    public record Check(String numberEntered, GateCheckResult result, Optional<ReleasePass> pass) {
    }

    private final ReleasePassRepository passes;
    private final ReleasePassCheckRepository checks;
    private final Dates dates;

    ReleasePassGate(ReleasePassRepository passes, ReleasePassCheckRepository checks, Dates dates) {
        this.passes = passes;
        this.checks = checks;
        this.dates = dates;
    }

    /** Looks the pass up and logs what the guard saw, without using it. */
    public Check check(String typed) {
        Optional<ReleasePass> pass = find(typed, false);
        GateCheckResult result = pass.map(p -> p.checkOn(dates.today())).orElse(GateCheckResult.UNKNOWN);
        return log(typed, result, pass, false);
    }

    /**
     * Lets the items through if the pass is valid today, marking it used; otherwise only logs the refusal. The pass
     * is locked meanwhile, so two guards using it at once get one "valid" and one "already used".
     */
    public Check use(String typed) {
        Optional<ReleasePass> pass = find(typed, true);
        GateCheckResult result = pass.map(p -> p.checkOn(dates.today())).orElse(GateCheckResult.UNKNOWN);
        Instant now = dates.now();
        if (result.passes()) {
            pass.get().use(CurrentUser.displayName(), now);
        }
        return log(typed, result, pass, result.passes());
    }

    private Optional<ReleasePass> find(String typed, boolean lock) {
        return PassNumbers.normalize(typed)
                .flatMap(number -> lock ? passes.findForUpdateByNumber(number) : passes.findByNumber(number))
                .filter(p -> CurrentUser.siteScope().includes(p.getSiteId()));
    }

    private Check log(String typed, GateCheckResult result, Optional<ReleasePass> pass, boolean markedUsed) {
        String entered = typed == null ? "" : typed.strip();
        checks.save(new ReleasePassCheck(pass.map(ReleasePass::getId).orElse(null), entered, result, markedUsed,
                dates.now(), CurrentUser.username(), CurrentUser.displayName()));
        return new Check(entered, result, pass);
    }
}
