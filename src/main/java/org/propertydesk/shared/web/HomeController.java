package org.propertydesk.shared.web;

import java.util.Set;

import org.propertydesk.shared.security.CurrentUser;
import org.propertydesk.shared.security.PropertyDeskUser;
import org.propertydesk.shared.security.Role;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

    /** A technician's day starts from their jobs, an owner's from the portal; everyone else gets the start page. */
    @GetMapping("/")
    String home() {
        if (CurrentUser.find().map(PropertyDeskUser::isOwner).orElse(false)) {
            return "redirect:/portal";
        }
        boolean onlyTechnician = CurrentUser.find().map(u -> u.roles().equals(Set.of(Role.TECHNICIAN))).orElse(false);
        return onlyTechnician ? "redirect:/work" : "home";
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }
}
