package org.propertydesk.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.propertydesk.requests.RequestExamples.timeline;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.propertydesk.requests.RequestsTestData.Site;
import org.propertydesk.shared.security.PropertyDeskUser;
import org.propertydesk.shared.web.Flash;
import org.propertydesk.support.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * Photos and files on requests, as the front desk attaches them at intake: stored under the data directory with a row
 * each, checked by count, size and content (never by name or declared type), and streamed back only to staff who may
 * see the request, with a type and a file name that are safe to hand to a browser.
 */
@RequestsIntegrationTest
class RequestAttachmentsTest {

    private static final Cookie ENGLISH = new Cookie("pd_lang", "en");

    @Autowired
    RequestsTestData data;

    @Autowired
    MutableClock clock;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Value("${propertydesk.data-dir}")
    Path dataDir;

    Site site;
    PropertyDeskUser frontDesk;

    @BeforeEach
    void aSiteAndItsFrontDesk() {
        clock.set("2026-03-25T10:00");
        site = data.site();
        frontDesk = data.frontDesk(site);
    }

    @Test
    void twoPhotosTakenInAtIntakeAreStoredAndListedOnTheRequest() throws Exception {
        byte[] png = png();
        byte[] jpeg = jpeg();

        MvcResult saved = perform(intake(file("楼道漏水.png", "image/png", png), file("水表.jpg", "image/jpeg", jpeg)), frontDesk);

        long id = idFrom(saved);
        List<Stored> stored = attachmentsOf(id);
        assertThat(stored).extracting(Stored::fileName).containsExactly("楼道漏水.png", "水表.jpg");
        assertThat(stored).extracting(Stored::contentType).containsExactly("image/png", "image/jpeg");
        assertThat(stored).extracting(Stored::size).containsExactly((long) png.length, (long) jpeg.length);
        assertThat(stored).allSatisfy(s -> assertThat(s.key()).matches("2026/03/[0-9a-f-]{36}"));
        assertThat(Files.readAllBytes(fileOf(stored.get(0)))).isEqualTo(png);
        assertThat(Files.readAllBytes(fileOf(stored.get(1)))).isEqualTo(jpeg);
        ServiceRequest request = data.reload(id);
        assertThat(timeline(request)).containsExactly("received", "attached");
        assertThat(request.getEvents().get(1).getNote()).isEqualTo("2");

        String page = html(get("/requests/" + id), frontDesk);
        for (Stored s : stored) {
            assertThat(page).contains("href=\"/requests/" + id + "/attachments/" + s.id() + "\"")
                    .contains("alt=\"" + s.fileName() + "\"");
        }
    }

    @Test
    void aSixthFileIsRefusedAtIntakeAndNothingIsSaved() throws Exception {
        Snapshot before = snapshot();
        MockMultipartHttpServletRequestBuilder six = intake();
        for (int i = 1; i <= 6; i++) {
            six.file(file("照片" + i + ".png", "image/png", png()));
        }

        String page = html(six, frontDesk);

        assertThat(page).contains("At most 5 photos or files per request.");
        assertNothingSavedSince(before);
    }

    @Test
    void aRequestWithFiveFilesTakesNoMore() throws Exception {
        MockMultipartHttpServletRequestBuilder five = intake();
        for (int i = 1; i <= 5; i++) {
            five.file(file("照片" + i + ".png", "image/png", png()));
        }
        long id = idFrom(perform(five, frontDesk));
        Snapshot before = snapshot();

        MvcResult refused = perform(multipart("/requests/" + id + "/attachments").file(file("第六张.png", "image/png", png()))
                .header(HttpHeaders.REFERER, "http://localhost/requests/" + id), frontDesk);

        assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/requests/" + id);
        assertThat(((Flash.FlashMessage) refused.getFlashMap().get("flashError")).key()).isEqualTo("file.error.tooMany");
        assertThat(attachmentsOf(id)).hasSize(5);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aTextFileNamedLikeAPhotoIsRefusedByItsContentAndNothingIsSaved() throws Exception {
        Snapshot before = snapshot();

        String page = html(intake(file("门锁.png", "image/png", png()),
                file("photo.jpg", "image/jpeg", "not a photo at all, just text".getBytes(StandardCharsets.UTF_8))), frontDesk);

        assertThat(page).contains("Only photos (JPEG, PNG, GIF, WebP, HEIC) and PDF files are accepted.");
        assertNothingSavedSince(before);
    }

    @Test
    void aFileOverTenMegabytesIsRefusedAndNothingIsSaved() throws Exception {
        byte[] large = Arrays.copyOf(png(), 10 * 1024 * 1024 + 1);
        Snapshot before = snapshot();

        String page = html(intake(file("大图.png", "image/png", large)), frontDesk);

        assertThat(page).contains("A file is larger than 10 MB.");
        assertNothingSavedSince(before);
    }

    @Test
    void aDownloadCarriesTheSniffedTypeTheFileNameAndNoSniffing() throws Exception {
        byte[] png = png();
        byte[] pdf = "%PDF-1.4\n%\u00e2\u00e3\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);
        long id = idFrom(perform(intake(file("leak.jpg", "image/jpeg", png), file("报价单.pdf", "application/octet-stream", pdf)),
                frontDesk));
        List<Stored> stored = attachmentsOf(id);

        MockHttpServletResponse photo = download(id, stored.get(0).id(), frontDesk);
        MockHttpServletResponse document = download(id, stored.get(1).id(), frontDesk);

        assertThat(photo.getStatus()).isEqualTo(200);
        assertThat(photo.getContentType()).as("sniffed, not the name or the declared type").isEqualTo("image/png");
        assertThat(photo.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        ContentDisposition inline = ContentDisposition.parse(photo.getHeader(HttpHeaders.CONTENT_DISPOSITION));
        assertThat(inline.isInline()).isTrue();
        assertThat(inline.getFilename()).isEqualTo("leak.jpg");
        assertThat(photo.getContentAsByteArray()).isEqualTo(png);

        assertThat(document.getContentType()).isEqualTo("application/pdf");
        assertThat(document.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        ContentDisposition attachment = ContentDisposition.parse(document.getHeader(HttpHeaders.CONTENT_DISPOSITION));
        assertThat(attachment.isAttachment()).as("documents are downloaded, not shown inline").isTrue();
        assertThat(attachment.getFilename()).isEqualTo("报价单.pdf");
        assertThat(document.getContentAsByteArray()).isEqualTo(pdf);
    }

    @Test
    void onlyStaffWhoMaySeeTheRequestGetItsFiles() throws Exception {
        long id = idFrom(perform(intake(file("漏水.png", "image/png", png())), frontDesk));
        long attachment = attachmentsOf(id).get(0).id();
        long otherRequest = idFrom(perform(intake(file("别的.png", "image/png", png())), frontDesk));
        Site otherSite = data.site();

        assertThat(download(id, attachment, data.dispatcher(site)).getStatus()).isEqualTo(200);
        assertThat(download(id, attachment, data.frontDesk(otherSite)).getStatus()).isEqualTo(404);
        assertThat(download(id, attachment, data.dispatcher(otherSite)).getStatus()).isEqualTo(404);
        assertThat(download(otherRequest, attachment, frontDesk).getStatus()).as("through another request's address")
                .isEqualTo(404);
        assertThat(download(id, attachment, data.technician(site)).getStatus()).isEqualTo(403);
    }

    @Test
    void aHostileFileNameNeverBecomesAPathOrAHeader() throws Exception {
        byte[] png = png();
        long id = idFrom(perform(intake(file("../../etc/passwd.png", "image/png", png),
                file("a\"b\r\nX-Evil: 1;.png", "image/png", png)), frontDesk));

        List<Stored> stored = attachmentsOf(id);

        assertThat(stored).allSatisfy(s -> {
            assertThat(s.key()).matches("2026/03/[0-9a-f-]{36}");
            assertThat(fileOf(s)).exists().startsWith(dataDir.resolve("files").toAbsolutePath().normalize());
            assertThat(s.fileName()).doesNotContain("/", "\\", "\"", "\r", "\n", ";").endsWith(".png");
        });
        assertThat(dataDir.resolve("etc/passwd.png")).doesNotExist();
        assertThat(dataDir.resolve("files").resolve("../../etc/passwd.png").normalize()).doesNotExist();
        for (Stored s : stored) {
            MockHttpServletResponse served = download(id, s.id(), frontDesk);
            assertThat(served.getHeader("X-Evil")).isNull();
            assertThat(ContentDisposition.parse(served.getHeader(HttpHeaders.CONTENT_DISPOSITION)).getFilename())
                    .isEqualTo(s.fileName());
            assertThat(served.getContentAsByteArray()).isEqualTo(png);
        }
    }

    // Requests

    private MockMultipartHttpServletRequestBuilder intake(MockMultipartFile... files) {
        MockMultipartHttpServletRequestBuilder request = multipart("/requests");
        for (MockMultipartFile f : files) {
            request.file(f);
        }
        request.param("kind", "REPAIR").param("categoryCode", "PLUMBING").param("channel", "PHONE")
                .param("siteId", String.valueOf(site.id())).param("locationText", "3 号楼大堂")
                .param("contactPhone", "139 1234 5678").param("description", "楼道水管漏水，照片见附件");
        return request;
    }

    private static MockMultipartFile file(String name, String declaredType, byte[] content) {
        return new MockMultipartFile("files", name, declaredType, content);
    }

    private MockHttpServletResponse download(long requestId, long attachmentId, PropertyDeskUser who) throws Exception {
        return perform(get("/requests/" + requestId + "/attachments/" + attachmentId), who).getResponse();
    }

    private MvcResult perform(AbstractMockHttpServletRequestBuilder<?> request, PropertyDeskUser who) throws Exception {
        return mvc.perform(request.with(user(who)).with(csrf()).cookie(ENGLISH)).andReturn();
    }

    private String html(AbstractMockHttpServletRequestBuilder<?> request, PropertyDeskUser who) throws Exception {
        MvcResult result = perform(request, who);
        assertThat(result.getResponse().getStatus()).as("status of %s", result.getRequest().getRequestURI()).isEqualTo(200);
        return RequestPagesTest.unescape(result.getResponse().getContentAsString());
    }

    private static long idFrom(MvcResult redirect) {
        String url = redirect.getResponse().getRedirectedUrl();
        assertThat(url).as("redirected to the new request").matches("/requests/\\d+");
        return Long.parseLong(url.substring("/requests/".length()));
    }

    // What was stored

    record Stored(long id, String fileName, String contentType, long size, String key) {
    }

    private List<Stored> attachmentsOf(long requestId) {
        return jdbc.sql("""
                select id, file_name, content_type, size_bytes, storage_key from request_attachment
                where request_id = ? order by id
                """)
                .params(requestId)
                .query((rs, n) -> new Stored(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5)))
                .list();
    }

    private Path fileOf(Stored stored) {
        return dataDir.resolve("files").resolve(stored.key()).toAbsolutePath().normalize();
    }

    record Snapshot(long requests, long attachments, long files) {
    }

    private Snapshot snapshot() throws IOException {
        long files = 0;
        Path root = dataDir.resolve("files");
        if (Files.isDirectory(root)) {
            try (Stream<Path> all = Files.walk(root)) {
                files = all.filter(Files::isRegularFile).count();
            }
        }
        return new Snapshot(data.requestsAt(site), jdbc.sql("select count(*) from request_attachment").query(Long.class).single(),
                files);
    }

    private void assertNothingSavedSince(Snapshot before) throws IOException {
        assertThat(snapshot()).as("requests at the site, attachment rows, stored files").isEqualTo(before);
    }

    // Files

    static byte[] png() throws IOException {
        return image("png");
    }

    static byte[] jpeg() throws IOException {
        return image("jpg");
    }

    private static byte[] image(String format) throws IOException {
        BufferedImage image = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, 0x3366CC);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(image, format, out)).as("a %s writer", format).isTrue();
        return out.toByteArray();
    }
}
