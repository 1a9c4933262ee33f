package org.propertydesk.affairs;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.propertydesk.records.RecordsDirectory;
import org.propertydesk.shared.web.Flash;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * The gate's phone page: a guard types a pass number or opens the address in its QR code, sees at once whether the
 * items may leave, and lets them through, which uses the pass up. Whoever stands at the gate of the site may do
 * this: security guards (technicians with the security skill in this app, though any technician of the site may take
 * a gate shift), the front desk, managers and administrators. Dispatchers do not work the gate.
 */
@Controller
@RequestMapping("/gate")
@PreAuthorize(GateController.GATE)
class GateController {

    static final String GATE = "hasAnyRole('ADMIN','MANAGER','FRONT_DESK','TECHNICIAN')";

    private final ReleasePassGate gate;
    private final ReleasePasses passes;
    private final RecordsDirectory records;

    GateController(ReleasePassGate gate, ReleasePasses passes, RecordsDirectory records) {
        this.gate = gate;
        this.passes = passes;
        this.records = records;
    }

    /** The number form; a submitted number goes to the same address the QR code opens. */
    @GetMapping
    String gate(@RequestParam(required = false) String number) {
        if (number != null && !number.isBlank()) {
            String path = PassNumbers.normalize(number).orElse(number.strip());
            return "redirect:/gate/passes/" + UriUtils.encodePathSegment(path, StandardCharsets.UTF_8);
        }
        return "affairs/passes/gate";
    }

    @GetMapping("/passes/{number}")
    String check(@PathVariable String number, Model model) {
        return result(gate.check(number), model);
    }

    @PostMapping("/passes/{number}/use")
    String use(@PathVariable String number, Model model, RedirectAttributes redirect) {
        ReleasePassGate.Check check = gate.use(number);
        if (check.result().passes()) {
            ReleasePass pass = check.pass().orElseThrow();
            Flash.success(redirect, "pass.gate.letThrough", pass.getNumber(), pass.getItems());
            return "redirect:/gate";
        }
        return result(check, model);
    }

    private String result(ReleasePassGate.Check check, Model model) {
        model.addAttribute("check", check);
        check.pass().ifPresent(pass -> {
            model.addAttribute("pass", pass);
            model.addAttribute("house", records.houses(List.of(pass.getHouseId())).stream().findFirst().orElse(null));
            model.addAttribute("checks", passes.checksOf(pass.getId()));
        });
        return "affairs/passes/gate-result";
    }
}
