package org.propertydesk.affairs;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.nayuki.qrcodegen.QrCode;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * The QR code printed on a pass: the absolute address of the pass's gate check, which a guard's phone opens. The
 * address starts with {@code propertydesk.public-base-url} when set, else with that of the page showing the pass.
 */
@Component
class PassQr {

    /** Quiet zone around the code, in modules, as the QR standard asks. */
    private static final int BORDER = 4;

    private final String publicBaseUrl;

    PassQr(@Value("${propertydesk.public-base-url:}") String publicBaseUrl) {
        this.publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
                : publicBaseUrl;
    }

    /** The gate check's address; called while serving a request, whose address is the fallback base. */
    String checkUrl(String number) {
        String base = publicBaseUrl.isBlank()
                ? ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString()
                : publicBaseUrl;
        return base + "/gate/passes/" + UriUtils.encodePathSegment(number, StandardCharsets.UTF_8);
    }

    /** The code as an image address for an {@code img} (CSP allows data: images), ready to print with the page. */
    String dataUri(String text) {
        return "data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(svg(text).getBytes(StandardCharsets.UTF_8));
    }

    /** One path of unit squares, one per dark module, on a white background; presentation attributes only (CSP). */
    static String svg(String text) {
        QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        int size = qr.size + BORDER * 2;
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < qr.size; y++) {
            for (int x = 0; x < qr.size; x++) {
                if (qr.getModule(x, y)) {
                    path.append('M').append(x + BORDER).append(',').append(y + BORDER).append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" viewBox=\"0 0 " + size + " " + size
                + "\" shape-rendering=\"crispEdges\"><rect width=\"" + size + "\" height=\"" + size
                + "\" fill=\"#ffffff\"/><path d=\"" + path + "\" fill=\"#000000\"/></svg>\n";
    }
}
