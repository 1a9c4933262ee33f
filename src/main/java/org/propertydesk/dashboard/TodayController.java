package org.propertydesk.dashboard;

import java.util.List;

import org.propertydesk.callbacks.CallbackCounts;
import org.propertydesk.requests.RequestQueueCounts;
import org.propertydesk.shared.security.CurrentUser;
import org.propertydesk.shared.security.PropertyDeskUser;
import org.propertydesk.shared.security.Role;
import org.propertydesk.shared.time.Dates;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * The front desk's "today" view on the start page: the sizes of the request queues, the breaches among today's
 * requests and the callbacks due today, each number the same as the list it links to shows. The start page loads
 * the panel with htmx; without JavaScript its link opens it as a page of its own.
 */
@Controller
@PreAuthorize(TodayController.DESK)
class TodayController {

    /** Who works the queues. */
    static final String DESK = "hasAnyRole('ADMIN','MANAGER','FRONT_DESK','DISPATCHER')";

    /** Who may open the callback list; a dispatcher does not make callbacks. */
    private static final List<Role> CALLERS = List.of(Role.ADMIN, Role.MANAGER, Role.FRONT_DESK);

    /** Who may open the list behind a dashboard figure (see {@link Selections#READERS}). */
    private static final List<Role> READERS = List.of(Role.ADMIN, Role.MANAGER);

    private final RequestQueueCounts queues;
    private final CallbackCounts callbacks;
    private final Selections selections;
    private final DashboardQueries figures;
    private final Dates dates;

    TodayController(RequestQueueCounts queues, CallbackCounts callbacks, Selections selections,
            DashboardQueries figures, Dates dates) {
        this.queues = queues;
        this.callbacks = callbacks;
        this.selections = selections;
        this.figures = figures;
        this.dates = dates;
    }

    @GetMapping("/dashboard/today")
    String today(@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        PropertyDeskUser user = CurrentUser.get();
        model.addAttribute("queues", queues.forCurrentUser());
        model.addAttribute("callbacks", CALLERS.stream().anyMatch(user::hasRole) ? callbacks.forCurrentUser() : List.of());
        Dashboard.Count breaches = Dashboard.Count.of(0, Drill.BREACHED);
        DashboardParams choice = new DashboardParams();
        choice.setPeriod(Period.Preset.TODAY);
        if (!selections.choosable().isEmpty()) {
            Selection selection = selections.resolve(choice);
            breaches = Dashboard.Count.of(figures.counts(selection, Drill.Group.RECEIVED).getOrDefault(Drill.BREACHED, 0L),
                    Drill.BREACHED);
        }
        model.addAttribute("breaches", breaches.value());
        model.addAttribute("breachesLink", READERS.stream().anyMatch(user::hasRole)
                ? DrillParams.link(DashboardApiJson.DRILL_LIST, breaches, choice) : null);
        model.addAttribute("now", dates.now());
        return htmx != null ? "dashboard/today :: panel" : "dashboard/today";
    }
}
