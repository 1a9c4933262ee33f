package org.propertydesk.records;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.constraints.Size;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Front desks write a house the way callers say it; every common spelling must land on the same house code.
 */
class HouseCodeTest {

    @ParameterizedTest(name = "\"{0}\" is 3-2-1502")
    @ValueSource(strings = {"3-2-1502", "3#2-1502", "3-2-1502室", "3/2/1502", "3 2 1502", " 3-2-1502 ", "3－2－1502",
            "3—2—1502", "3栋2单元1502室", "3号楼2单元1502", "3幢2单元1502号", "3 - 2 - 1502"})
    void everyCommonSpellingOfBuildingUnitRoomParsesToTheSameCode(String written) {
        HouseCode code = HouseCode.parse(written).orElseThrow();

        assertThat(code).isEqualTo(new HouseCode("3", "2", "1502"));
        assertThat(code.toString()).isEqualTo("3-2-1502");
        assertThat(code.hasUnit()).isTrue();
    }

    @ParameterizedTest(name = "\"{0}\" is A-1502")
    @ValueSource(strings = {"A-1502", "a-1502", "A#1502", "A栋1502室", "a 1502"})
    void aBuildingWithoutUnitsIsBuildingDashRoom(String written) {
        HouseCode code = HouseCode.parse(written).orElseThrow();

        assertThat(code.toString()).isEqualTo("A-1502");
        assertThat(code.hasUnit()).isFalse();
        assertThat(code.unit()).isNull();
    }

    @Test
    void lettersAreUpperCasedSoThatB2AndB2MeanTheSameHouse() {
        assertThat(HouseCode.parse("b2-c-12a")).contains(new HouseCode("B2", "C", "12A"));
    }

    @ParameterizedTest(name = "\"{0}\" is not a house")
    @ValueSource(strings = {"", "   ", "1502", "张三", "3-", "-1502", "3--1502", "3-2-", "3-2-1502-9", "13800138000",
            "3-2-1502; drop table house", "3-2-15%", "3_2_1502"})
    void textThatIsNotHouseNotationIsNoHouse(String written) {
        assertThat(HouseCode.parse(written)).isEmpty();
    }

    @Test
    void nullIsNoHouse() {
        assertThat(HouseCode.parse(null)).isEmpty();
    }

    @Test
    void aBlankUnitMeansNoUnit() {
        assertThat(HouseCode.of("3", " ", "1502").toString()).isEqualTo("3-1502");
        assertThat(HouseCode.of("3", null, "1502").hasUnit()).isFalse();
    }

    @Test
    void everyCodeTheHouseFormAcceptsCanBeWrittenBackInNotation() throws NoSuchFieldException {
        // A house created through the form must be found again when the front desk types its code (lookup, moving a
        // customer in), whatever length of building, unit and room codes the form lets through.
        HouseCode longest = HouseCode.of("B".repeat(maxLength("buildingCode")), "U".repeat(maxLength("unitCode")),
                "R".repeat(maxLength("roomNo")));

        assertThat(HouseCode.parse(longest.toString())).contains(longest);
    }

    private static int maxLength(String field) throws NoSuchFieldException {
        return HouseForm.class.getDeclaredField(field).getAnnotation(Size.class).max();
    }
}
