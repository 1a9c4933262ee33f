package org.propertydesk.dashboard;

import org.propertydesk.requests.Channel;
import org.propertydesk.requests.RequestKind;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The request parameters that choose the list behind a figure: {@code drill} and the slice of it ({@code kind},
 * {@code categoryId}, {@code channel}, {@code houseId}, {@code buildingId}, {@code staffId}). Bound with
 * {@code @ModelAttribute} next to {@link DashboardParams}.
 */
public class DrillParams {

    private Drill drill = Drill.RECEIVED;
    private RequestKind kind;
    private Long categoryId;
    private Channel channel;
    private Long houseId;
    private Long buildingId;
    private Long staffId;

    public static DrillParams of(Dashboard.Count count) {
        DrillParams params = new DrillParams();
        DrillFilter filter = count.filter();
        params.drill = count.drill();
        params.kind = filter.kind();
        params.categoryId = filter.categoryId();
        params.channel = filter.channel();
        params.houseId = filter.houseId();
        params.buildingId = filter.buildingId();
        params.staffId = filter.staffId();
        return params;
    }

    /** A technician's drill needs the technician; without one it lists nothing rather than everyone's jobs. */
    public DrillFilter filter() {
        Long staff = drill.needsTechnician() && staffId == null ? Long.valueOf(-1L) : staffId;
        return new DrillFilter(kind, categoryId, channel, houseId, buildingId, staff);
    }

    /** Adds the drill's parameters to a link being built. */
    public UriComponentsBuilder addTo(UriComponentsBuilder builder) {
        builder.queryParam("drill", drill.name());
        if (kind != null) {
            builder.queryParam("kind", kind.name());
        }
        if (categoryId != null) {
            builder.queryParam("categoryId", categoryId);
        }
        if (channel != null) {
            builder.queryParam("channel", channel.name());
        }
        if (houseId != null) {
            builder.queryParam("houseId", houseId);
        }
        if (buildingId != null) {
            builder.queryParam("buildingId", buildingId);
        }
        if (staffId != null) {
            builder.queryParam("staffId", staffId);
        }
        return builder;
    }

    /**
     * The link to the list behind a figure of this dashboard choice, e.g. {@code /dashboard/requests?drill=...}; the
     * same parameters with {@code /dashboard/requests/export} give its exports.
     */
    public static String link(String path, Dashboard.Count count, DashboardParams choice) {
        UriComponentsBuilder builder = UriComponentsBuilder.fromPath(path);
        of(count).addTo(builder);
        choice.addTo(builder);
        return builder.build().encode().toUriString();
    }

    public Drill getDrill() {
        return drill;
    }

    public void setDrill(Drill drill) {
        this.drill = drill == null ? Drill.RECEIVED : drill;
    }

    public RequestKind getKind() {
        return kind;
    }

    public void setKind(RequestKind kind) {
        this.kind = kind;
    }

    public Long getCategoryId() {
        return categoryId;
    }

    public void setCategoryId(Long categoryId) {
        this.categoryId = categoryId;
    }

    public Channel getChannel() {
        return channel;
    }

    public void setChannel(Channel channel) {
        this.channel = channel;
    }

    public Long getHouseId() {
        return houseId;
    }

    public void setHouseId(Long houseId) {
        this.houseId = houseId;
    }

    public Long getBuildingId() {
        return buildingId;
    }

    public void setBuildingId(Long buildingId) {
        this.buildingId = buildingId;
    }

    public Long getStaffId() {
        return staffId;
    }

    public void setStaffId(Long staffId) {
        this.staffId = staffId;
    }
}
