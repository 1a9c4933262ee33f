package org.propertydesk.portal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import javax.imageio.ImageIO;

import org.propertydesk.support.Users;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Sites with buildings, report points, and what a report made of them, for the QR report tests; codes, phone
 * numbers and addresses are unique per call (the tests share a database, and the rate limits count per phone and
 * per address).
 */
@Component
final class ReportPointData {

    private final JdbcClient jdbc;
    private final ReportPoints points;

    ReportPointData(JdbcClient jdbc, ReportPoints points) {
        this.jdbc = jdbc;
        this.points = points;
    }

    record Point(long id, long siteId, String name, String token) {
    }

    /** A request as the database holds it. */
    record Stored(long id, String number, long siteId, String channel, boolean unverified, String locationText,
            String contactPhone, Long reportPointId, String status) {
    }

    long site() {
        String code = "QR" + unique();
        return jdbc.sql("""
                insert into site (code, name, address, property_type, created_at, created_by, updated_at, updated_by)
                values (:code, :name, '扫码路 3 号', 'RESIDENTIAL', now(), 'test', now(), 'test') returning id
                """).param("code", code).param("name", "扫码报修苑" + code).query(Long.class).single();
    }

    String siteName(long siteId) {
        return jdbc.sql("select name from site where id = ?").params(siteId).query(String.class).single();
    }

    /** A building with a name, or with a code only when {@code name} is null. */
    long building(long siteId, String code, String name) {
        return jdbc.sql("""
                insert into building (site_id, code, name, created_at, created_by, updated_at, updated_by)
                values (?, ?, ?, now(), 'test', now(), 'test') returning id
                """).params(siteId, code, name).query(Long.class).single();
    }

    /** A common-area point, added by an administrator. */
    Point point(long siteId, String name) {
        ReportPoint point = Users.callAs(Users.admin(), () -> points.addCommonArea(siteId, name));
        return new Point(point.getId(), siteId, point.getName(), point.getToken());
    }

    void deactivate(Point point) {
        Users.runAs(Users.admin(), () -> points.deactivate(point.id(), null));
    }

    List<Point> pointsOf(long siteId) {
        return jdbc.sql("select id, site_id, name, token from report_point where site_id = ? order by id").params(siteId)
                .query(Point.class).list();
    }

    Long buildingOf(Point point) {
        return jdbc.sql("select building_id from report_point where id = ?").params(point.id()).query(Long.class)
                .optional().orElse(null);
    }

    List<Stored> requestsOf(Point point) {
        return jdbc.sql("""
                select id, number, site_id, channel, unverified, location_text, contact_phone, report_point_id, status
                from service_request where report_point_id = ? order by id
                """).params(point.id()).query(Stored.class).list();
    }

    long requestsWithPhone(String phone) {
        return jdbc.sql("select count(*) from service_request where contact_phone = ?").params(phone)
                .query(Long.class).single();
    }

    Stored request(long id) {
        return jdbc.sql("""
                select id, number, site_id, channel, unverified, location_text, contact_phone, report_point_id, status
                from service_request where id = ?
                """).params(id).query(Stored.class).single();
    }

    long version(long requestId) {
        return jdbc.sql("select version from service_request where id = ?").params(requestId).query(Long.class).single();
    }

    int attachments(long requestId) {
        return jdbc.sql("select count(*) from request_attachment where request_id = ?").params(requestId)
                .query(Integer.class).single();
    }

    /** A mobile number no other test uses. */
    static String phone() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    /** A client address no other test uses. */
    static String address() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    static byte[] png() {
        BufferedImage image = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, 0xCC3333);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String unique() {
        return Long.toString(ThreadLocalRandom.current().nextLong(1, 9_999_999));
    }
}
