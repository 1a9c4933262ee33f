package org.propertydesk.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.propertydesk.care.CareProgrammeWorld.MARCH;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.propertydesk.support.ClockedIntegrationTest;
import org.propertydesk.support.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Which households a programme targets, filter by filter, on the known records of {@link CareProgrammeWorld}: a
 * household is a house with a current occupant who matches every filter set, contacted through that occupant (the
 * primary contact when several match). Moved-out occupants and other sites' households never count.
 */
@ClockedIntegrationTest
class CareProgrammeTargetTest {

    @Autowired
    CareProgrammeTestData data;

    @Autowired
    MutableClock clock;

    @Autowired
    MockMvc mvc;

    CareProgrammeWorld world;

    @BeforeEach
    void theKnownHouseholds() {
        clock.set("2026-03-25T10:00");
        world = new CareProgrammeWorld(data, mvc);
    }

    @Test
    void withoutFiltersEveryCurrentHouseholdIsTargetedThroughItsPrimaryContact() throws Exception {
        long programme = world.programme("全体住户问候", Map.of());

        assertThat(data.households(programme, MARCH)).containsExactly("1-101: 王奶奶", "1-102: 李先生", "2-201: 张女士");
    }

    @Test
    void aCareFlagTargetsTheHouseholdsWhereSomeoneHasIt() throws Exception {
        long programme = world.programme("独居老人电话", Map.of("careFlag", "ELDERLY_ALONE"));

        assertThat(data.households(programme, MARCH)).containsExactly("1-101: 王奶奶", "2-201: 张老太");
    }

    @Test
    void aValueTierTargetsItsCustomers() throws Exception {
        long programme = world.programme("重要客户拜访", Map.of("valueTier", "IMPORTANT"));

        assertThat(data.households(programme, MARCH)).containsExactly("1-102: 李先生");
    }

    @Test
    void aDispositionTargetsItsCustomers() throws Exception {
        long programme = world.programme("费用型客户沟通", Map.of("disposition", "COST_MINDED"));

        assertThat(data.households(programme, MARCH)).containsExactly("2-201: 张女士");
    }

    @Test
    void aBuildingTargetsItsCurrentHouseholds() throws Exception {
        long programme = world.programme("2号楼回访", Map.of("buildingId", String.valueOf(world.building2)));

        assertThat(data.households(programme, MARCH)).containsExactly("2-201: 张女士");
    }

    @Test
    void birthdayThisMonthTargetsThoseBornInTheMonth() throws Exception {
        long programme = world.programme("三月生日祝福", Map.of("birthdayThisMonth", "true"));

        assertThat(data.households(programme, MARCH)).containsExactly("1-101: 王奶奶", "2-201: 张女士");
    }

    @Test
    void movedInDuringTheLastDaysTargetsRecentMoveIns() throws Exception {
        long week = world.programme("入住欢迎", Map.of("movedInWithinDays", "7"));
        long twoMonths = world.programme("入住两月回访", Map.of("movedInWithinDays", "60"));

        assertThat(data.households(week, MARCH)).containsExactly("1-102: 李先生");
        assertThat(data.households(twoMonths, MARCH)).containsExactly("1-102: 李先生", "2-201: 张女士");
    }

    @Test
    void filtersTogetherNarrowTheGroupToThoseMatchingAll() throws Exception {
        long programme = world.programme("1号楼独居老人",
                Map.of("careFlag", "ELDERLY_ALONE", "buildingId", String.valueOf(world.building1)));

        assertThat(data.households(programme, MARCH)).containsExactly("1-101: 王奶奶");
    }

    @Test
    void aHouseholdComingIntoTheGroupJoinsTheRunningRoundAndOneLeavingItStays() throws Exception {
        long programme = world.programme("入住欢迎", Map.of("movedInWithinDays", "7"));
        long newcomer = data.person(world.site, "孙先生", "ORDINARY", null, null);
        long house = data.house(world.site, world.building2, "2-203");
        data.livesIn(newcomer, house, "OWNER", true, LocalDate.of(2026, 3, 27));
        clock.set("2026-03-28T09:00");

        String page = world.page("/care/programmes/" + programme, world.desk);

        assertThat(data.households(programme, MARCH)).containsExactly("1-102: 李先生", "2-203: 孙先生");
        assertThat(page).contains("孙先生", "李先生", "0 of 2 reached");
    }

    @Test
    void theShippedProgrammesAreAddedOnceAndTheElderlyCallListsThisMonthsElderlyLivingAlone() throws Exception {
        world.addDefaults();
        world.addDefaults();

        assertThat(data.programmes(world.site)).containsExactly("Birthday greeting", "Monthly call to elderly living alone",
                "Welcome call after move-in");
        long elderly = data.programme(world.site, "ELDERLY_CALL");
        assertThat(data.households(elderly, MARCH)).containsExactly("1-101: 王奶奶", "2-201: 张老太");
        assertThat(data.households(data.programme(world.site, "WELCOME"), MARCH)).containsExactly("1-102: 李先生");
        assertThat(data.households(data.programme(world.site, "BIRTHDAY"), MARCH))
                .containsExactly("1-101: 王奶奶", "2-201: 张女士");
        assertThat(world.page("/care/programmes/" + elderly, world.desk)).contains("王奶奶", "张老太", "0 of 2 reached");
    }
}
