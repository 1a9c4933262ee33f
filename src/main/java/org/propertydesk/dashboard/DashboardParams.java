package org.propertydesk.dashboard;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The request parameters that choose a dashboard: {@code sites} (ids, repeated; none means every site the reader
 * may see), {@code period} (a {@link Period.Preset}), {@code month} (yyyy-MM, for MONTH) and {@code from}/{@code to}
 * (yyyy-MM-dd, for CUSTOM). Bound with {@code @ModelAttribute}; pages, exports and the report share them, so a link
 * from one to another carries the same choice.
 */
public class DashboardParams {

    private List<Long> sites = new ArrayList<>();
    private Period.Preset period;
    @DateTimeFormat(pattern = "yyyy-MM")
    private YearMonth month;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate from;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate to;

    /** The same choice as query parameters, for links (starting with '?', or empty). */
    public String query() {
        UriComponentsBuilder builder = UriComponentsBuilder.newInstance();
        addTo(builder);
        String query = builder.build().encode().toUriString();
        return query.isEmpty() ? "" : query;
    }

    /** Adds the choice's parameters to a link being built. */
    public UriComponentsBuilder addTo(UriComponentsBuilder builder) {
        sites.forEach(site -> builder.queryParam("sites", site));
        if (period != null) {
            builder.queryParam("period", period.name());
        }
        if (month != null) {
            builder.queryParam("month", month.toString());
        }
        if (from != null) {
            builder.queryParam("from", from.toString());
        }
        if (to != null) {
            builder.queryParam("to", to.toString());
        }
        return builder;
    }

    public List<Long> getSites() {
        return sites;
    }

    public void setSites(List<Long> sites) {
        this.sites = sites == null ? new ArrayList<>() : new ArrayList<>(sites);
    }

    public Period.Preset getPeriod() {
        return period;
    }

    public void setPeriod(Period.Preset period) {
        this.period = period;
    }

    public YearMonth getMonth() {
        return month;
    }

    public void setMonth(YearMonth month) {
        this.month = month;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }
}
