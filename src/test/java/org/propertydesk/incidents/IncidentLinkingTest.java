package org.propertydesk.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.propertydesk.requests.IncidentRequests;
import org.propertydesk.shared.security.PropertyDeskUser;
import org.propertydesk.shared.web.BusinessRuleException;
import org.propertydesk.shared.web.NotFoundException;
import org.propertydesk.support.ClockedIntegrationTest;
import org.propertydesk.support.MutableClock;
import org.propertydesk.support.Users;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Linking requests to an incident and what resolving it does to them: existing requests of the site can be linked
 * while they are open and nobody is sent out on them, once; a caller outside the affected buildings is not linked;
 * resolving resolves every open linked request whatever its state, but leaves one a technician is working on to
 * its work order. The clock stands on 3 June 2026, 08:00 in Shanghai.
 */
@ClockedIntegrationTest
class IncidentLinkingTest {

    @Autowired
    IncidentTestData data;

    @Autowired
    IncidentService incidents;

    @Autowired
    MutableClock clock;

    long site;
    long building;
    long otherBuilding;
    IncidentTestData.Household affected;
    IncidentTestData.Household neighbour;
    IncidentTestData.Household outside;
    PropertyDeskUser desk;
    long incident;

    @BeforeEach
    void aPowerOutageOfOneBuilding() {
        clock.set("2026-06-03T08:00");
        site = data.site();
        building = data.building(site, "1号楼");
        otherBuilding = data.building(site, "2号楼");
        affected = data.household(building, "0301");
        neighbour = data.household(building, "0402");
        outside = data.household(otherBuilding, "0501");
        desk = data.frontDesk(site);
        incident = declare(site, Set.of(building));
    }

    private long declare(long siteId, Set<Long> buildings) {
        return Users.callAs(desk, () -> incidents.declare(new Incident.Declaration(siteId, buildings,
                IncidentKind.POWER_OUTAGE, IncidentSeverity.MAJOR, "1号楼停电", null,
                clock.instant().plusSeconds(3 * 3600))).incident().getId());
    }

    @Test
    void anExistingRequestOfTheSiteIsLinkedAcknowledgedAndToldTheExpectedTime() {
        long request = data.repair(desk, site, affected, "家里没电了");

        Users.runAs(desk, () -> incidents.linkRequest(incident, request));

        assertThat(data.linked(incident)).containsExactly(request);
        assertThat(data.status(request)).isEqualTo("ACKNOWLEDGED");
        assertThat(data.publicNotes(request, "incidentLinked")).singleElement().asString()
                .contains("1号楼停电").contains("2026-06-03 11:00");
    }

    @Test
    void aRequestIsLinkedOnlyOnce() {
        long request = data.repair(desk, site, affected, "没电");
        Users.runAs(desk, () -> incidents.linkRequest(incident, request));
        long second = declare(site, Set.of());

        assertThatThrownBy(() -> Users.runAs(desk, () -> incidents.linkRequest(incident, request)))
                .isInstanceOfSatisfying(IncidentRefusal.class,
                        refused -> assertThat(refused.messageKey()).isEqualTo("incident.error.alreadyLinked"));
        assertThatThrownBy(() -> Users.runAs(desk, () -> incidents.linkRequest(second, request)))
                .isInstanceOfSatisfying(IncidentRefusal.class,
                        refused -> assertThat(refused.messageKey()).isEqualTo("incident.error.linkedElsewhere"));
        assertThat(data.linked(second)).isEmpty();
    }

    @Test
    void aClosedRequestOrOneWithATechnicianOnItIsNotLinked() {
        long cancelled = data.repair(desk, site, affected, "没电");
        data.act(desk, cancelled, "cancel", "打错了");
        long dispatched = data.repair(desk, site, neighbour, "没电");
        data.workAssigned(site, dispatched);

        assertThatThrownBy(() -> Users.runAs(desk, () -> incidents.linkRequest(incident, cancelled)))
                .isInstanceOfSatisfying(BusinessRuleException.class,
                        refused -> assertThat(refused.messageKey()).isEqualTo("incident.error.requestClosed"));
        assertThatThrownBy(() -> Users.runAs(desk, () -> incidents.linkRequest(incident, dispatched)))
                .isInstanceOfSatisfying(BusinessRuleException.class,
                        refused -> assertThat(refused.messageKey()).isEqualTo("incident.error.requestHasWork"));
        assertThat(data.linked(incident)).isEmpty();
    }

    @Test
    void aRequestOfAnotherSiteIsNotFoundForStaffOfThisOne() {
        long otherSite = data.site();
        long there = data.building(otherSite, "9号楼");
        PropertyDeskUser otherDesk = data.frontDesk(otherSite);
        long request = data.repair(otherDesk, otherSite, data.household(there, "0101"), "没电");

        assertThatThrownBy(() -> Users.runAs(desk, () -> incidents.linkRequest(incident, request)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aCallerOutsideTheAffectedBuildingsIsNotLinked() {
        assertThatThrownBy(() -> Users.runAs(desk, () -> incidents.linkCall(incident,
                new IncidentRequests.Call(site, outside.houseId(), outside.customerId(), null, null, null))))
                .isInstanceOfSatisfying(IncidentRefusal.class, refused -> {
                    assertThat(refused.field()).isEqualTo("houseId");
                    assertThat(refused.messageKey()).isEqualTo("incident.error.houseNotAffected");
                });
        assertThat(data.linked(incident)).isEmpty();
    }

    @Test
    void aCallWithoutAHouseIsPlacedInTheAffectedArea() {
        IncidentService.LinkedCall call = Users.callAs(desk, () -> incidents.linkCall(incident,
                new IncidentRequests.Call(site, null, null, "13912345678", null, null)));

        assertThat(data.count("select count(*) from service_request where id = ? and location_text = '1号楼'",
                call.requestId())).isOne();
        assertThat(call.expectedRestoreAt()).isEqualTo(Instant.parse("2026-06-03T03:00:00Z"));
    }

    @Test
    void resolvingResolvesOpenLinkedRequestsWhateverTheirStateButLeavesWorkInHandToItsWorkOrder() {
        long onHold = data.repair(desk, site, affected, "没电");
        Users.runAs(desk, () -> incidents.linkRequest(incident, onHold));
        data.act(desk, onHold, "hold", "等供电局");
        long linkedCall = Users.callAs(desk, () -> incidents.linkCall(incident,
                new IncidentRequests.Call(site, neighbour.houseId(), neighbour.customerId(), null, null, null))).requestId();
        long worked = data.repair(desk, site, affected, "电梯也停了");
        Users.runAs(desk, () -> incidents.linkRequest(incident, worked));
        data.workAssigned(site, worked);
        clock.advanceMinutes(120);

        int resolved = Users.callAs(desk, () -> incidents.resolve(incident, "供电已恢复。"));

        assertThat(resolved).isEqualTo(2);
        assertThat(data.status(onHold)).isEqualTo("RESOLVED");
        assertThat(data.status(linkedCall)).isEqualTo("RESOLVED");
        assertThat(data.publicNotes(linkedCall, "resolved")).containsExactly("供电已恢复。");
        assertThat(data.status(worked)).isEqualTo("DISPATCHED");
        assertThat(data.publicNotes(worked, "incidentUpdate")).containsExactly("供电已恢复。");
    }

    @Test
    void aResolvedIncidentTakesNoMoreCallsOrUpdates() {
        Users.runAs(desk, () -> incidents.resolve(incident, "已恢复"));

        assertThatThrownBy(() -> Users.runAs(desk, () -> incidents.linkCall(incident,
                new IncidentRequests.Call(site, affected.houseId(), affected.customerId(), null, null, null))))
                .isInstanceOfSatisfying(BusinessRuleException.class,
                        refused -> assertThat(refused.messageKey()).isEqualTo("incident.error.notActive"));
        assertThatThrownBy(() -> Users.runAs(desk, () -> incidents.update(incident, "还在修", null)))
                .isInstanceOfSatisfying(BusinessRuleException.class,
                        refused -> assertThat(refused.messageKey()).isEqualTo("incident.error.notActive"));
    }
}
