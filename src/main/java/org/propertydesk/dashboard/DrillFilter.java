package org.propertydesk.dashboard;

import java.util.ArrayList;
import java.util.List;

import org.propertydesk.requests.Channel;
import org.propertydesk.requests.RequestKind;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Narrows a drill to one slice of a figure: a kind, a (top-level) category with its subcategories, a channel, a
 * house or a building, and for a technician's or a staff member's figures the person. Empty fields do not narrow.
 */
public record DrillFilter(RequestKind kind, Long categoryId, Channel channel, Long houseId, Long buildingId, Long staffId) {

    public static final DrillFilter NONE = new DrillFilter(null, null, null, null, null, null);

    public static DrillFilter kind(RequestKind kind) {
        return new DrillFilter(kind, null, null, null, null, null);
    }

    public static DrillFilter technician(long staffId) {
        return new DrillFilter(null, null, null, null, null, staffId);
    }

    /** A staff member's scorecard figures; the drill's condition names them through {@code :staffId}. */
    public static DrillFilter staff(long staffId) {
        return new DrillFilter(null, null, null, null, null, staffId);
    }

    /** The extra conditions on {@code r}, each starting with " and ". */
    String sql() {
        List<String> parts = new ArrayList<>();
        if (kind != null) {
            parts.add("r.kind = :kind");
        }
        if (categoryId != null) {
            parts.add("r.category_id in (select rc.id from request_category rc where rc.id = :categoryId or rc.parent_id = :categoryId)");
        }
        if (channel != null) {
            parts.add("r.channel = :channel");
        }
        if (houseId != null) {
            parts.add("r.house_id = :houseId");
        }
        if (buildingId != null) {
            parts.add("r.house_id in (select h.id from house h where h.building_id = :buildingId)");
        }
        return parts.stream().map(p -> " and " + p).reduce("", String::concat);
    }

    JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
        JdbcClient.StatementSpec bound = spec.param("staffId", staffId == null ? -1L : staffId);
        if (kind != null) {
            bound = bound.param("kind", kind.name());
        }
        if (categoryId != null) {
            bound = bound.param("categoryId", categoryId);
        }
        if (channel != null) {
            bound = bound.param("channel", channel.name());
        }
        if (houseId != null) {
            bound = bound.param("houseId", houseId);
        }
        if (buildingId != null) {
            bound = bound.param("buildingId", buildingId);
        }
        return bound;
    }
}
