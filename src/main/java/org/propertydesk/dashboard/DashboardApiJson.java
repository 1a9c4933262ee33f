package org.propertydesk.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import org.propertydesk.records.SiteSummary;
import org.propertydesk.requests.RequestKind;

/**
 * The JSON of the dashboard API: every figure of a {@link Dashboard}, under names that stay. Counts carry the drill
 * that lists the requests behind them and the link to that list on the dashboard pages, for the same sites and days;
 * percentages are numbers with one decimal, null when there is nothing to take a share of; times are minutes from
 * receipt with one decimal, null when nothing was measured.
 */
final class DashboardApiJson {

    /** The page that lists the requests behind a figure. */
    static final String DRILL_LIST = "/dashboard/requests";

    private DashboardApiJson() {
    }

    @Schema(name = "Dashboard", description = "Every KPI of the chosen sites over the chosen days")
    record DashboardJson(
            @Schema(description = "The sites counted") List<SiteJson> sites,
            PeriodJson period,
            VolumeJson volume,
            @Schema(description = "Time to acknowledge: all kinds first (kind null), then INQUIRY, REPAIR, COMPLAINT; "
                    + "onTime is against the acknowledge target")
            List<TimingJson> responses,
            @Schema(description = "Time to arrive on site, repairs; onTime is against the arrival target")
            TimingJson arrival,
            @Schema(description = "Time to resolve: all kinds first (kind null), then one per kind; onTime is against "
                    + "the resolve target")
            List<TimingJson> resolutions,
            @Schema(description = "On time against breached per SLA stage: ACKNOWLEDGE, ARRIVAL, RESOLVE")
            List<StageJson> stages,
            @Schema(description = "Requests received in the period that breached any target")
            CountJson breaches,
            BacklogJson backlog,
            @Schema(description = "Inquiries resolved at intake, of inquiries not cancelled")
            RateJson firstContactResolution,
            @Schema(description = "Requests the owner followed up at least once, of those not cancelled")
            RateJson followUps,
            @Schema(description = "Requests reopened, of those that reached a resolution") RateJson reopened,
            @Schema(description = "Repeat repairs at the same house, of repairs at a house") RateJson repeats,
            @Schema(description = "Houses with the most repeat repairs (at most 10)") List<HotspotJson> houseHotspots,
            @Schema(description = "Buildings with the most repeat repairs (at most 10)") List<HotspotJson> buildingHotspots,
            @Schema(description = "Promises kept, of requests with a promise that was met or missed") RateJson promisesKept,
            ComplaintsJson complaints,
            @Schema(description = "Requests escalated, of those received") RateJson escalations,
            CallbacksJson callbacks,
            RatingsJson ratings,
            SatisfactionJson satisfaction,
            @Schema(description = "Technicians with jobs completed in the period, the most jobs first")
            List<TechnicianJson> technicians) {
    }

    @Schema(name = "DashboardSite")
    record SiteJson(long id, String code, String name) {
    }

    @Schema(name = "DashboardPeriod", description = "The days counted, both included, in the sites' display zone")
    record PeriodJson(LocalDate from, LocalDate to, long days,
            @Schema(description = "The moment the backlog is counted at: the end of the period, or now while it runs")
            OffsetDateTime asOf) {
    }

    @Schema(name = "DashboardCount", description = "A number of requests and the list behind it")
    record CountJson(long value,
            @Schema(description = "The drill that lists these requests, e.g. BREACHED") Drill drill,
            @Schema(description = "The page listing these requests: " + DRILL_LIST + "?drill=…", example =
                    DRILL_LIST + "?drill=BREACHED&period=CUSTOM&from=2026-03-01&to=2026-03-31")
            String link) {
    }

    @Schema(name = "DashboardRate", description = "A share: count of of")
    record RateJson(
            @Schema(description = "Percentage with one decimal; null when `of` is 0", example = "87.5") BigDecimal percent,
            CountJson count, CountJson of) {
    }

    @Schema(name = "DashboardVolume", description = "Requests received in the period")
    record VolumeJson(CountJson received, List<SliceJson> byKind,
            @Schema(description = "By top-level category, subcategories included, the most first")
            List<SliceJson> byCategory,
            List<SliceJson> byChannel,
            @Schema(description = "The bucket of overTime: day (up to 62 days), week (from Monday, up to 186) or month")
            String bucket,
            List<BucketJson> overTime) {
    }

    @Schema(name = "DashboardSlice", description = "A kind, category or channel; categories have their id and names")
    record SliceJson(String code, Long id, String nameZh, String nameEn, CountJson count) {
    }

    @Schema(name = "DashboardBucket", description = "Requests received in a bucket starting on `start`")
    record BucketJson(LocalDate start, long inquiries, long repairs, long complaints, long total) {
    }

    @Schema(name = "DashboardTiming", description = "Minutes from receipt, over the requests that got there")
    record TimingJson(@Schema(description = "null: all kinds") RequestKind kind,
            @Schema(description = "How many requests got there") long measured,
            BigDecimal meanMinutes, BigDecimal medianMinutes,
            @Schema(description = "90th percentile") BigDecimal p90Minutes,
            @Schema(description = "Met the target, of those timed against it") RateJson onTime) {
    }

    @Schema(name = "DashboardStage")
    record StageJson(@Schema(description = "ACKNOWLEDGE, ARRIVAL or RESOLVE") String target, CountJson onTime,
            CountJson breached,
            @Schema(description = "onTime of onTime + breached, one decimal; null when neither") BigDecimal onTimePercent) {
    }

    @Schema(name = "DashboardBacklog", description = "Requests open at period.asOf, by age")
    record BacklogJson(CountJson total, CountJson underOneDay, CountJson oneToThreeDays, CountJson threeToSevenDays,
            CountJson overSevenDays) {
    }

    @Schema(name = "DashboardHotspot", description = "A house or building with repeat repairs")
    record HotspotJson(long id, String code, @Schema(description = "A building's name, if it has one") String name,
            CountJson repeats) {
    }

    @Schema(name = "DashboardComplaints")
    record ComplaintsJson(@Schema(description = "Complaints received, not cancelled") CountJson count,
            @Schema(description = "Houses of the sites") long households,
            @Schema(description = "Two decimals; null for sites without houses") BigDecimal per100Households) {
    }

    @Schema(name = "DashboardCallbacks", description = "Callbacks due in the period, counted by their requests")
    record CallbacksJson(CountJson due, @Schema(description = "Done by their due time, of those due") RateJson onTime,
            @Schema(description = "Done late, or still due and overdue") CountJson late,
            @Schema(description = "Unreachable, of those finished") RateJson unreachable,
            @Schema(description = "Satisfied, of owners who answered") RateJson satisfied,
            CountJson unsatisfied) {
    }

    @Schema(name = "DashboardRatings", description = "Owners' ratings given in the period")
    record RatingsJson(CountJson rated, @Schema(description = "1 to 5, two decimals") BigDecimal averageStars,
            @Schema(description = "The same on 0 to 100, one decimal") BigDecimal index,
            @Schema(description = "Rated 2 stars or less") CountJson low,
            @Schema(description = "Per bucket of volume.bucket") List<RatingPointJson> trend) {
    }

    @Schema(name = "DashboardRatingPoint")
    record RatingPointJson(LocalDate start, long ratings, BigDecimal index) {
    }

    @Schema(name = "DashboardSatisfaction", description = "The satisfaction index of the latest questionnaires")
    record SatisfactionJson(@Schema(description = "The national index to compare with", example = "72.3")
            BigDecimal national, List<IndexPointJson> questionnaires) {
    }

    @Schema(name = "DashboardIndexPoint", description = "One questionnaire's index for a service line")
    record IndexPointJson(long questionnaireId, String title, LocalDate opensOn,
            @Schema(description = "The service line; null: all its rating answers") String line,
            @Schema(description = "0 to 100") BigDecimal index, long ratings) {
    }

    @Schema(name = "DashboardTechnician", description = "A technician's jobs completed in the period")
    record TechnicianJson(long staffId, String name, CountJson jobs,
            @Schema(description = "Arrived on time, of jobs with an arrival target") RateJson arrivedOnTime,
            CountJson late, BigDecimal averageStars, long ratings,
            @Schema(description = "Jobs sent back on reopening, of jobs") RateJson reopened) {
    }

    /** The dashboard as JSON, its links carrying {@code choice}: the same sites and days as the figures. */
    static DashboardJson of(Dashboard d, List<SiteSummary> sites, DashboardParams choice) {
        Links links = new Links(choice);
        Selection selection = d.selection();
        Period period = selection.period();
        return new DashboardJson(
                sites.stream().filter(s -> selection.siteIds().contains(s.id()))
                        .map(s -> new SiteJson(s.id(), s.code(), s.name())).toList(),
                new PeriodJson(period.firstDay(), period.lastDay(), period.dayCount(),
                        selection.asOf().atZone(selection.zone()).toOffsetDateTime()),
                links.volume(d.volume()),
                d.responses().stream().map(links::timing).toList(),
                links.timing(d.arrival()),
                d.resolutions().stream().map(links::timing).toList(),
                d.stages().stream().map(s -> new StageJson(s.target(), links.count(s.onTime()), links.count(s.breached()),
                        s.onTimePercent())).toList(),
                links.count(d.breaches()),
                new BacklogJson(links.count(d.backlog().total()), links.count(d.backlog().underOneDay()),
                        links.count(d.backlog().oneToThreeDays()), links.count(d.backlog().threeToSevenDays()),
                        links.count(d.backlog().overSevenDays())),
                links.rate(d.firstContactResolution()),
                links.rate(d.followUps()),
                links.rate(d.reopened()),
                links.rate(d.repeats()),
                d.houseHotspots().stream().map(links::hotspot).toList(),
                d.buildingHotspots().stream().map(links::hotspot).toList(),
                links.rate(d.promisesKept()),
                new ComplaintsJson(links.count(d.complaints().count()), d.complaints().households(),
                        d.complaints().per100Households()),
                links.rate(d.escalations()),
                new CallbacksJson(links.count(d.callbacks().due()), links.rate(d.callbacks().onTime()),
                        links.count(d.callbacks().late()), links.rate(d.callbacks().unreachable()),
                        links.rate(d.callbacks().satisfied()), links.count(d.callbacks().unsatisfied())),
                new RatingsJson(links.count(d.ratings().rated()), d.ratings().averageStars(), d.ratings().index(),
                        links.count(d.ratings().low()), d.ratings().trend().stream()
                                .map(p -> new RatingPointJson(p.start(), p.ratings(), p.index())).toList()),
                new SatisfactionJson(d.nationalIndex(), d.satisfaction().stream()
                        .map(p -> new IndexPointJson(p.questionnaireId(), p.title(), p.opensOn(), p.line(), p.index(),
                                p.ratings()))
                        .toList()),
                d.technicians().stream().map(t -> new TechnicianJson(t.staffId(), t.name(), links.count(t.jobs()),
                        links.rate(t.arrivedOnTime()), links.count(t.late()), t.averageStars(), t.ratings(),
                        links.rate(t.reopened()))).toList());
    }

    /** Turns figures into JSON whose links list their requests for one dashboard choice. */
    private record Links(DashboardParams choice) {

        CountJson count(Dashboard.Count count) {
            return new CountJson(count.value(), count.drill(), DrillParams.link(DRILL_LIST, count, choice));
        }

        RateJson rate(Dashboard.Rate rate) {
            return new RateJson(rate.percent(), count(rate.count()), count(rate.of()));
        }

        TimingJson timing(Dashboard.Timing t) {
            return new TimingJson(t.kind(), t.measured(), t.mean(), t.median(), t.p90(), rate(t.onTime()));
        }

        HotspotJson hotspot(Dashboard.Hotspot h) {
            return new HotspotJson(h.id(), h.code(), h.name(), count(h.repeats()));
        }

        VolumeJson volume(Dashboard.Volume v) {
            return new VolumeJson(count(v.received()), slices(v.byKind()), slices(v.byCategory()), slices(v.byChannel()),
                    v.bucket(), v.overTime().stream()
                            .map(b -> new BucketJson(b.start(), b.inquiries(), b.repairs(), b.complaints(), b.total()))
                            .toList());
        }

        private List<SliceJson> slices(List<Dashboard.Slice> slices) {
            return slices.stream().map(s -> new SliceJson(s.code(), s.id(), s.nameZh(), s.nameEn(), count(s.count())))
                    .toList();
        }
    }
}
