package org.propertydesk.affairs;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.propertydesk.portal.OwnerHouseholds;
import org.propertydesk.records.RecordsDirectory;
import org.propertydesk.shared.api.ApiController;
import org.propertydesk.shared.api.ApiProblems;
import org.propertydesk.shared.security.CurrentUser;
import org.propertydesk.shared.security.Role;
import org.propertydesk.shared.time.Dates;
import org.propertydesk.shared.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Release passes for gate devices and the owner app. Staff who work the gate (as on the gate page) check a pass by
 * its number, which is logged like a check on the page, and use it; a pass of a site they do not serve is 404.
 * An owner's token reads the passes of their own household only (anything else is 404), without logging a check,
 * and may not use a pass (403).
 */
@ApiController
@PreAuthorize(GateController.GATE + " or hasRole('OWNER')")
@Tag(name = "Release passes", description = "Release passes (放行条) checked at the gate")
class ReleasePassApiController {

    private final ReleasePassGate gate;
    private final ReleasePasses passes;
    private final OwnerHouseholds households;
    private final RecordsDirectory records;
    private final ApiProblems problems;
    private final Dates dates;

    ReleasePassApiController(ReleasePassGate gate, ReleasePasses passes, OwnerHouseholds households,
            RecordsDirectory records, ApiProblems problems, Dates dates) {
        this.gate = gate;
        this.passes = passes;
        this.households = households;
        this.records = records;
        this.problems = problems;
        this.dates = dates;
    }

    @GetMapping("/api/v1/release-passes/{number}")
    @Operation(summary = "Check a pass by its number",
            description = "`result` is what the gate finds today: VALID, ALREADY_USED, WRONG_DATE or NOT_APPROVED. For "
                    + "staff this is a check at the gate and is logged (an unknown number too, answered 404). The number "
                    + "may be typed without the P and the dashes. For an owner, only their household's passes, not logged.")
    ReleasePassApiJson.Pass get(@PathVariable String number) {
        if (isOwner()) {
            ReleasePass pass = passes.byNumberForHousehold(number, households.houseIds());
            return json(pass, pass.checkOn(dates.today()));
        }
        ReleasePassGate.Check check = gate.check(number);
        ReleasePass pass = check.pass().orElseThrow(() -> new NotFoundException("release pass", number));
        return json(pass, check.result());
    }

    @PostMapping("/api/v1/release-passes/{number}/use")
    @PreAuthorize(GateController.GATE)
    @Operation(summary = "Let the items through, using the pass up",
            description = "200 with the pass, now USED, when it was valid today. Otherwise 409 with `result` "
                    + "(ALREADY_USED, WRONG_DATE, NOT_APPROVED) and the reason in `detail`; an unknown number is 404. "
                    + "Either way the attempt is logged. Owners may not use passes (403).")
    ResponseEntity<?> use(@PathVariable String number, HttpServletRequest request) {
        ReleasePassGate.Check check = gate.use(number);
        ReleasePass pass = check.pass().orElseThrow(() -> new NotFoundException("release pass", number));
        if (!check.result().passes()) {
            ProblemDetail problem = problems.problem(HttpStatus.CONFLICT, ApiProblems.BUSINESS_RULE, request,
                    "pass.gate.result." + check.result() + ".detail");
            problem.setProperty("code", "pass.gate.result." + check.result() + ".detail");
            problem.setProperty("result", check.result());
            return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        return ResponseEntity.ok(json(pass, check.result()));
    }

    private ReleasePassApiJson.Pass json(ReleasePass pass, GateCheckResult result) {
        return ReleasePassApiJson.Pass.of(pass, result,
                records.houses(List.of(pass.getHouseId())).stream().findFirst().orElse(null),
                passes.checksOf(pass.getId()), dates.zone());
    }

    private static boolean isOwner() {
        return CurrentUser.find().map(user -> user.hasRole(Role.OWNER)).orElse(false);
    }
}
