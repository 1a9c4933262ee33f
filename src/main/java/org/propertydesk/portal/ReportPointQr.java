package org.propertydesk.portal;

import io.nayuki.qrcodegen.QrCode;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The QR code of a report point: the absolute address of its public form, drawn as SVG. The address starts with
 * {@code propertydesk.public-base-url} when set (the address owners' phones reach, which may differ from the one
 * staff use), else with the address of the page that prints it.
 */
@Component
class ReportPointQr {

    /** Quiet zone around the code, in modules, as the QR standard asks. */
    private static final int BORDER = 4;

    private final String publicBaseUrl;

    ReportPointQr(@Value("${propertydesk.public-base-url:}") String publicBaseUrl) {
        this.publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
                : publicBaseUrl;
    }

    /** The form's address; called while serving a request, whose address is the fallback base. */
    String url(ReportPoint point) {
        String base = publicBaseUrl.isBlank()
                ? ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString()
                : publicBaseUrl;
        return base + "/r/" + point.getToken();
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
