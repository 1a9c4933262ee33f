package org.propertydesk.shared.api;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.propertydesk.shared.security.CurrentUser;
import org.propertydesk.shared.security.PropertyDeskUser;
import org.propertydesk.shared.security.Role;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Who the token belongs to, so that a client can show the name and offer what the roles allow.
 */
@ApiController
@Tag(name = "Me")
class MeApiController {

    record Me(long id, String username, String displayName, List<Role> roles) {
    }

    @GetMapping("/api/v1/me")
    @Operation(summary = "The caller's account: id, username, display name and roles")
    Me me() {
        PropertyDeskUser user = CurrentUser.get();
        return new Me(user.id(), user.getUsername(), user.displayName(), user.roles().stream().sorted().toList());
    }
}
