package org.propertydesk.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.propertydesk.portal.ReportPointData.Point;
import org.propertydesk.portal.ReportPointData.Stored;
import org.propertydesk.shared.security.PropertyDeskUser;
import org.propertydesk.shared.security.Role;
import org.propertydesk.shared.web.Flash.FlashMessage;
import org.propertydesk.support.BrowserSession;
import org.propertydesk.support.Html;
import org.propertydesk.support.Users;
import org.propertydesk.support.WebIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

@WebIntegrationTest
class ReportPointsTest {

    private static final Cookie ENGLISH = new Cookie("pd_lang", "en");

    @Autowired
    MockMvc mvc;

    @Autowired
    ReportPointData data;

    @Nested
    class StaffPages {

        @Test
        void everyBuildingGetsItsEntrancePointTheFirstTimeTheSiteIsShownAndOnlyOnce() throws Exception {
            long site = data.site();
            data.building(site, "3", "三号楼");
            data.building(site, "5", null);
            PropertyDeskUser manager = Users.manager(site);

            String page = mvc.perform(get("/report-points/sites/" + site).with(Users.as(manager)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            mvc.perform(get("/report-points/sites/" + site).with(Users.as(manager))).andExpect(status().isOk());

            assertThat(page).contains("三号楼入口", "5入口");
            List<Point> points = data.pointsOf(site);
            assertThat(points).extracting(Point::name).containsExactlyInAnyOrder("三号楼入口", "5入口");
            assertThat(points).allSatisfy(p -> {
                assertThat(data.buildingOf(p)).isNotNull();
                assertThat(p.token()).hasSizeGreaterThanOrEqualTo(20).matches("[A-Za-z0-9_-]+");
                assertThat(page).contains("/report-points/" + p.id() + "/qr.svg", "http://localhost/r/" + p.token());
            });
            assertThat(points.get(0).token()).isNotEqualTo(points.get(1).token());
        }

        @Test
        void aManagerAddsACommonAreaPointWithItsOwnCode() throws Exception {
            long site = data.site();

            mvc.perform(post("/report-points/sites/" + site).param("name", " 地下车库B1 ").with(csrf())
                    .with(Users.as(Users.manager(site))))
                    .andExpect(redirectedUrl("/report-points/sites/" + site));

            Point carPark = data.pointsOf(site).get(0);
            assertThat(carPark.name()).isEqualTo("地下车库B1");
            assertThat(data.buildingOf(carPark)).isNull();
            mvc.perform(get("/r/" + carPark.token())).andExpect(status().isOk())
                    .andExpect(content().string(containsString("地下车库B1")));
        }

        @Test
        void aPointNeedsANameOfAtMostAHundredCharacters() throws Exception {
            long site = data.site();
            PropertyDeskUser manager = Users.manager(site);

            mvc.perform(post("/report-points/sites/" + site).param("name", " ").with(csrf()).with(Users.as(manager)))
                    .andExpect(status().isOk()).andExpect(Html.errorAt("name", "请填写报修点名称。"));
            mvc.perform(post("/report-points/sites/" + site).param("name", "长".repeat(101)).with(csrf())
                    .with(Users.as(manager)).cookie(ENGLISH))
                    .andExpect(status().isOk()).andExpect(Html.errorAt("name", "At most 100 characters."));

            assertThat(data.pointsOf(site)).isEmpty();
        }

        @Test
        void renamingToNothingIsRefusedAtThatPointsName() throws Exception {
            long site = data.site();
            Point lobby = data.point(site, "电梯厅");

            mvc.perform(post("/report-points/" + lobby.id() + "/rename").param("name", "").with(csrf())
                    .with(Users.as(Users.manager(site))).cookie(ENGLISH))
                    .andExpect(status().isOk()).andExpect(Html.errorAtId("name-" + lobby.id(), "Give the point a name."));
            mvc.perform(post("/report-points/" + lobby.id() + "/rename").param("name", "1号电梯厅").with(csrf())
                    .with(Users.as(Users.manager(site))))
                    .andExpect(redirectedUrl("/report-points/sites/" + site));

            assertThat(data.pointsOf(site)).extracting(Point::name).containsExactly("1号电梯厅");
        }

        @Test
        void theFrontDeskPrintsCodesButDoesNotChangePoints() throws Exception {
            long site = data.site();
            Point lobby = data.point(site, "电梯厅");
            PropertyDeskUser desk = Users.frontDesk(site);

            mvc.perform(get("/report-points/sites/" + site).with(Users.as(desk))).andExpect(status().isOk());
            mvc.perform(get("/report-points/" + lobby.id() + "/poster").with(Users.as(desk))).andExpect(status().isOk())
                    .andExpect(content().string(containsString("http://localhost/r/" + lobby.token())));
            mvc.perform(get("/report-points/sites/" + site + "/sheet").with(Users.as(desk))).andExpect(status().isOk())
                    .andExpect(content().string(containsString("电梯厅")));
            mvc.perform(post("/report-points/sites/" + site).param("name", "会所").with(csrf()).with(Users.as(desk)))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/report-points/" + lobby.id() + "/deactivate").with(csrf()).with(Users.as(desk)))
                    .andExpect(status().isForbidden());
            mvc.perform(get("/report-points").with(Users.as(Users.withRole(Role.DISPATCHER, site))))
                    .andExpect(status().isForbidden());
        }

        @Test
        void theQrCodeIsServedAsAnSvgImage() throws Exception {
            long site = data.site();
            Point lobby = data.point(site, "电梯厅");

            MvcResult svg = mvc.perform(get("/report-points/" + lobby.id() + "/qr.svg").with(Users.as(Users.frontDesk(site))))
                    .andExpect(status().isOk()).andReturn();

            assertThat(svg.getResponse().getContentType()).startsWith("image/svg+xml");
            String body = svg.getResponse().getContentAsString();
            assertThat(body).startsWith("<svg").contains("viewBox=\"0 0 ", "<path d=\"M").doesNotContain("style");
        }

        @Test
        void anotherSitesPointsAreNotFound() throws Exception {
            long mine = data.site();
            long theirs = data.site();
            Point theirLobby = data.point(theirs, "电梯厅");
            PropertyDeskUser manager = Users.manager(mine);

            mvc.perform(get("/report-points/" + theirLobby.id() + "/qr.svg").with(Users.as(manager))).andExpect(status().isNotFound());
            mvc.perform(get("/report-points/" + theirLobby.id() + "/poster").with(Users.as(manager))).andExpect(status().isNotFound());
            mvc.perform(get("/report-points/sites/" + theirs).with(Users.as(manager))).andExpect(status().isNotFound());
            mvc.perform(get("/report-points/sites/" + theirs + "/sheet").with(Users.as(manager))).andExpect(status().isNotFound());
            mvc.perform(post("/report-points/sites/" + theirs).param("name", "会所").with(csrf()).with(Users.as(manager)))
                    .andExpect(status().isNotFound());
            mvc.perform(post("/report-points/" + theirLobby.id() + "/rename").param("name", "改掉").with(csrf())
                    .with(Users.as(manager))).andExpect(status().isNotFound());
            mvc.perform(post("/report-points/" + theirLobby.id() + "/deactivate").with(csrf()).with(Users.as(manager)))
                    .andExpect(status().isNotFound());

            assertThat(data.pointsOf(theirs)).extracting(Point::name).containsExactly("电梯厅");
            mvc.perform(get("/r/" + theirLobby.token())).andExpect(status().isOk());
        }
    }

    @Nested
    class PublicForm {

        @Test
        void showsThePlaceAndItsSiteWithoutLoggingIn() throws Exception {
            long site = data.site();
            Point lobby = data.point(site, "电梯厅");

            mvc.perform(get("/r/" + lobby.token())).andExpect(status().isOk())
                    .andExpect(content().string(allOf(
                            containsString("电梯厅"),
                            containsString(data.siteName(site)),
                            containsString("name=\"_csrf\""))));
        }

        @Test
        void aReportBecomesAnUnverifiedQrCodeRequestOfThePointsSiteAndPlaceWithItsPhoto() throws Exception {
            long site = data.site();
            Point lobby = data.point(site, "2号楼电梯厅");
            String phone = ReportPointData.phone();

            MvcResult sent = mvc.perform(report(lobby, phone.substring(0, 3) + " " + phone.substring(3), "电梯按钮失灵", ReportPointData.address())
                    .file(new MockMultipartFile("photos", "按钮.png", "image/png", ReportPointData.png())))
                    .andExpect(redirectedUrl("/r/" + lobby.token() + "/thanks")).andReturn();

            List<Stored> made = data.requestsOf(lobby);
            assertThat(made).hasSize(1);
            Stored request = made.get(0);
            assertThat(request.siteId()).isEqualTo(site);
            assertThat(request.channel()).isEqualTo("QR_CODE");
            assertThat(request.unverified()).isTrue();
            assertThat(request.locationText()).isEqualTo("2号楼电梯厅");
            assertThat(request.contactPhone()).isEqualTo(phone);
            assertThat(data.attachments(request.id())).isEqualTo(1);
            String thanks = mvc.perform(get("/r/" + lobby.token() + "/thanks").with(BrowserSession.following(sent)).cookie(ENGLISH))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(thanks).contains("Your report number is " + request.number() + ".",
                    "The front desk will call you to confirm it.");
        }

        @Test
        void aWrongPhoneNumberAndAMissingDescriptionAreSaidAtTheirFields() throws Exception {
            long site = data.site();
            Point lobby = data.point(site, "电梯厅");

            mvc.perform(report(lobby, "打电话给我", " ", ReportPointData.address()))
                    .andExpect(status().isBadRequest())
                    .andExpect(Html.errorAt("phone", "请填写5到15位数字的电话号码"))
                    .andExpect(Html.errorAt("description", "请描述问题。"));
            mvc.perform(report(lobby, "", "x".repeat(1001), ReportPointData.address()).cookie(ENGLISH))
                    .andExpect(status().isBadRequest())
                    .andExpect(Html.errorAt("phone", "Enter your phone number so that we can call you back."))
                    .andExpect(Html.errorAt("description", "At most 1000 characters."));

            assertThat(data.requestsOf(lobby)).isEmpty();
        }

        @Test
        void aFileThatIsNotAPhotoIsRefusedAtThePhotosAndNothingIsMade() throws Exception {
            long site = data.site();
            Point lobby = data.point(site, "电梯厅");

            mvc.perform(report(lobby, ReportPointData.phone(), "门口积水", ReportPointData.address()).cookie(ENGLISH)
                    .file(new MockMultipartFile("photos", "photo.jpg", "image/jpeg", "just text".getBytes())))
                    .andExpect(status().isBadRequest())
                    .andExpect(Html.errorAt("photos", "Only photos (JPEG, PNG, GIF, WebP, HEIC) and PDF files are accepted."));

            assertThat(data.requestsOf(lobby)).isEmpty();
        }

        @Test
        void moreThanThreePhotosAreRefused() throws Exception {
            long site = data.site();
            Point lobby = data.point(site, "电梯厅");
            MockMultipartHttpServletRequestBuilder four = report(lobby, ReportPointData.phone(), "门口积水", ReportPointData.address());
            for (int i = 0; i < 4; i++) {
                four.file(new MockMultipartFile("photos", "照片" + i + ".png", "image/png", ReportPointData.png()));
            }

            mvc.perform(four).andExpect(status().isBadRequest()).andExpect(Html.errorAt("photos", "最多上传3张照片。"));

            assertThat(data.requestsOf(lobby)).isEmpty();
        }

        @Test
        void aPhoneNumberMakesAtMostFiveReportsAnHour() throws Exception {
            long site = data.site();
            Point lobby = data.point(site, "电梯厅");
            Point carPark = data.point(site, "车库");
            String phone = ReportPointData.phone();
            for (int i = 0; i < 5; i++) {
                mvc.perform(report(i % 2 == 0 ? lobby : carPark, phone, "第" + i + "次报修", ReportPointData.address()))
                        .andExpect(status().is3xxRedirection());
            }

            mvc.perform(report(lobby, phone, "第六次报修", ReportPointData.address()).cookie(ENGLISH))
                    .andExpect(status().isTooManyRequests())
                    .andExpect(Html.formError("Too many reports have been sent from here or from this phone number"));

            assertThat(data.requestsWithPhone(phone)).isEqualTo(5);
        }

        @Test
        void anAddressMakesAtMostTwentyReportsAnHour() throws Exception {
            long site = data.site();
            List<Point> places = List.of(data.point(site, "电梯厅"), data.point(site, "车库"), data.point(site, "会所"));
            String address = ReportPointData.address();
            for (int i = 0; i < 20; i++) {
                mvc.perform(report(places.get(i % 3), ReportPointData.phone(), "报修" + i, address))
                        .andExpect(status().is3xxRedirection());
            }

            mvc.perform(report(places.get(2), ReportPointData.phone(), "第二十一次", address))
                    .andExpect(status().isTooManyRequests())
                    .andExpect(Html.formError("过去一小时内从此处或此号码提交的报修过多"));

            assertThat(places.stream().mapToInt(p -> data.requestsOf(p).size()).sum()).isEqualTo(20);
        }

        @Test
        void aPlaceTakesAtMostTenReportsAnHour() throws Exception {
            long site = data.site();
            Point lobby = data.point(site, "电梯厅");
            for (int i = 0; i < 10; i++) {
                mvc.perform(report(lobby, ReportPointData.phone(), "报修" + i, ReportPointData.address()))
                        .andExpect(status().is3xxRedirection());
            }

            mvc.perform(report(lobby, ReportPointData.phone(), "第十一次", ReportPointData.address()))
                    .andExpect(status().isTooManyRequests());

            assertThat(data.requestsOf(lobby)).hasSize(10);
        }

        @Test
        void aFilledHiddenFieldMakesNothing() throws Exception {
            long site = data.site();
            Point lobby = data.point(site, "电梯厅");

            mvc.perform(report(lobby, ReportPointData.phone(), "买便宜药", ReportPointData.address()).param("website", "http://spam"))
                    .andExpect(redirectedUrl("/r/" + lobby.token()));

            assertThat(data.requestsOf(lobby)).isEmpty();
        }

        @Test
        void anUnknownOrSwitchedOffCodeOpensNothing() throws Exception {
            long site = data.site();
            Point old = data.point(site, "旧会所");
            data.deactivate(old);

            mvc.perform(get("/r/" + ReportPoints.newToken())).andExpect(status().isNotFound())
                    .andExpect(content().string(containsString("此二维码已不再使用")));
            mvc.perform(get("/r/" + old.token())).andExpect(status().isNotFound());
            mvc.perform(report(old, ReportPointData.phone(), "门坏了", ReportPointData.address())).andExpect(status().isNotFound());

            assertThat(data.requestsOf(old)).isEmpty();
        }
    }

    @Nested
    class FrontDesk {

        @Test
        void theFrontDeskConfirmsAnUnverifiedReportAfterCallingBack() throws Exception {
            long site = data.site();
            Point lobby = data.point(site, "电梯厅");
            long id = reported(lobby);
            PropertyDeskUser desk = Users.frontDesk(site);

            String page = mvc.perform(get("/requests/" + id).with(Users.as(desk))).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            assertThat(page).contains("待核实", "/requests/" + id + "/actions/verify");
            mvc.perform(post("/requests/" + id + "/actions/verify").param("version", Long.toString(data.version(id)))
                    .param("note", "已回电，确认电梯故障").with(csrf()).with(Users.as(desk)))
                    .andExpect(redirectedUrl("/requests/" + id));

            Stored request = data.request(id);
            assertThat(request.unverified()).isFalse();
            assertThat(request.status()).isEqualTo("ACKNOWLEDGED");
            String after = mvc.perform(get("/requests/" + id).with(Users.as(desk))).andReturn().getResponse().getContentAsString();
            assertThat(after).doesNotContain("/requests/" + id + "/actions/verify");
        }

        @Test
        void theQueueMarksUnverifiedReports() throws Exception {
            long site = data.site();
            Point lobby = data.point(site, "电梯厅");
            long id = reported(lobby);

            String queue = mvc.perform(get("/requests").param("siteId", Long.toString(site)).param("q", "OPEN")
                    .with(Users.as(Users.frontDesk(site)))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

            String row = queue.substring(queue.indexOf(data.request(id).number()));
            assertThat(row.substring(0, row.indexOf("</tr>"))).contains("待核实");
        }

        @Test
        void anUnverifiedRepairIsNotSentOut() throws Exception {
            long site = data.site();
            Point lobby = data.point(site, "电梯厅");
            long id = reported(lobby);
            PropertyDeskUser desk = Users.frontDesk(site);

            MvcResult refused = mvc.perform(post("/requests/" + id + "/actions/dispatch")
                    .param("version", Long.toString(data.version(id))).header("Referer", "http://localhost/requests/" + id)
                    .with(csrf()).with(Users.as(desk))).andExpect(redirectedUrl("/requests/" + id)).andReturn();

            assertThat(((FlashMessage) refused.getFlashMap().get("flashError")).key()).isEqualTo("request.error.unverified");
            mvc.perform(get("/requests/" + id).with(BrowserSession.following(refused)).with(Users.as(desk)).cookie(ENGLISH))
                    .andExpect(content().string(containsString(
                            "This report has not been confirmed with the caller yet")));
            assertThat(data.request(id).status()).isEqualTo("NEW");
        }

        private long reported(Point point) throws Exception {
            mvc.perform(report(point, ReportPointData.phone(), "电梯停在两层之间", ReportPointData.address()))
                    .andExpect(status().is3xxRedirection());
            return data.requestsOf(point).get(0).id();
        }
    }

    private static MockMultipartHttpServletRequestBuilder report(Point point, String phone, String description,
            String address) {
        MockMultipartHttpServletRequestBuilder builder = multipart("/r/" + point.token());
        builder.param("phone", phone).param("description", description).with(csrf()).with(request -> {
            request.setRemoteAddr(address);
            return request;
        });
        return builder;
    }
}
