package org.propertydesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.propertydesk.support.Users;
import org.propertydesk.support.WebIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An owner's upload is judged by its content, not by the name or type the browser claims: a web page called
 * photo.png is refused, and a real picture called app.html is stored under a generated name and offered as the
 * picture it is (type, extension, no sniffing), never as a page.
 */
@WebIntegrationTest
class UploadTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aWebPageDisguisedAsAPhotoIsRefusedAndNothingIsStored() throws Exception {
        SecurityData data = new SecurityData(context);
        SecurityData.Household household = data.household();
        long request = data.request(household, "窗户漏风");
        byte[] page = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);

        int status = mvc.perform(multipart("/portal/requests/{id}/photos", request)
                        .file(new MockMultipartFile("photos", "photo.png", "image/png", page))
                        .with(csrf()).with(Users.as(household.owner())))
                .andReturn().getResponse().getStatus();

        assertThat(status).isEqualTo(200);
        assertThat(attachments(request)).isZero();
    }

    @Test
    void aPictureWithAHostileNameIsServedAsThePictureItIs() throws Exception {
        SecurityData data = new SecurityData(context);
        SecurityData.Household household = data.household();
        long request = data.request(household, "墙面开裂");

        mvc.perform(multipart("/portal/requests/{id}/photos", request)
                .file(new MockMultipartFile("photos", "../../static/js/app.html", "text/html", png()))
                .with(csrf()).with(Users.as(household.owner())));
        assertThat(attachments(request)).isOne();
        long photo = jdbc.sql("select id from request_attachment where request_id = ?").params(request)
                .query(Long.class).single();
        MockHttpServletResponse served = mvc.perform(get("/portal/requests/{id}/photos/{photo}", request, photo)
                        .with(Users.as(household.owner())))
                .andReturn().getResponse();

        assertThat(served.getStatus()).isEqualTo(200);
        assertThat(served.getContentType()).isEqualTo("image/png");
        assertThat(served.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        ContentDisposition disposition = ContentDisposition.parse(served.getHeader(HttpHeaders.CONTENT_DISPOSITION));
        assertThat(disposition.isInline()).isTrue();
        assertThat(disposition.getFilename()).doesNotContain("/").endsWith("app.png");
        assertThat(jdbc.sql("select storage_key from request_attachment where id = ?").params(photo)
                .query(String.class).single()).doesNotContain("..", "app", "html");
    }

    private long attachments(long request) {
        return jdbc.sql("select count(*) from request_attachment where request_id = ?").params(request)
                .query(Long.class).single();
    }

    private static byte[] png() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }
}
