package org.propertydesk.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.propertydesk.records.PhoneNumbers;
import org.propertydesk.records.RecordsDirectory;
import org.propertydesk.records.SiteSummary;
import org.propertydesk.requests.RequestWork;
import org.propertydesk.shared.security.CurrentUser;
import org.propertydesk.shared.time.Dates;
import org.propertydesk.shared.web.BusinessRuleException;
import org.propertydesk.shared.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * The technician's phone page behind the scenes: their jobs with the time left, one job with everything needed on the
 * way and at the door, and photos. What a technician may see is what {@link WorkOrderService#findMine} finds: their own
 * work orders and their team's untaken ones; anything else does not exist for them.
 */
@Service
@Transactional
class TechnicianWork {

    static final int EARLIER_AT_HOUSE = 5;

    private final WorkOrderService workOrders;
    private final WorkOrderQueries queries;
    private final WorkOrderPhotos photos;
    private final MaterialRepository materials;
    private final RequestWork requests;
    private final RecordsDirectory records;
    private final Dates dates;

    TechnicianWork(WorkOrderService workOrders, WorkOrderQueries queries, WorkOrderPhotos photos,
            MaterialRepository materials, RequestWork requests, RecordsDirectory records, Dates dates) {
        this.workOrders = workOrders;
        this.queries = queries;
        this.photos = photos;
        this.materials = materials;
        this.requests = requests;
        this.records = records;
        this.dates = dates;
    }

    /**
     * The time left until the job's next target, or how far past it: arrival until the technician is on site, then
     * resolution. Whole minutes, rounded up, so "within 1 min" never hides a target already missed.
     */
    record Due(boolean arrival, boolean overdue, long minutes, boolean atRisk) {

        /** None while paused: the request's clock waits too, and a countdown would only mislead. */
        static Due of(WorkOrderQueries.MyJob mine, Instant now) {
            Instant due = mine.dueAt();
            WorkOrderStatus status = mine.order().getStatus();
            if (due == null || !status.isActive() || status == WorkOrderStatus.PAUSED) {
                return null;
            }
            long seconds = Duration.between(now, due).getSeconds();
            boolean arrival = mine.order().getArrivedAt() == null && due.equals(mine.job().dueArrivalAt());
            return new Due(arrival, seconds < 0, (Math.abs(seconds) + 59) / 60, mine.job().atRisk());
        }

        public String messageKey() {
            return "work.due." + (arrival ? "arrive" : "finish") + (overdue ? "Overdue" : "");
        }

        public String durationKey() {
            return minutes < 60 ? "work.duration.minutes" : minutes < 24 * 60 ? "work.duration.hours" : "work.duration.days";
        }

        public Object[] durationArguments() {
            if (minutes < 60) {
                return new Object[] {minutes};
            }
            return minutes < 24 * 60 ? new Object[] {minutes / 60, minutes % 60}
                    : new Object[] {minutes / (24 * 60), minutes % (24 * 60) / 60};
        }
    }

    /** A job as a card in the list: where to go, and how much time is left. */
    record Card(WorkOrder order, RequestWork.Job job, String site, String place, Due due) {
    }

    /** Open jobs due today (or already late) and later, and what the technician finished today. */
    record Jobs(List<Card> today, List<Card> upcoming, List<Card> finishedToday) {
    }

    /**
     * One job with what a technician needs on the way and at the door, and once done what was recorded (the materials
     * loaded here: the page renders after the transaction).
     */
    record JobPage(WorkOrder order, RequestWork.Job job, Due due, String site, String place, String phone,
            String phoneShown, List<RequestWork.Photo> requestPhotos, List<WorkOrderPhoto> photos,
            List<RequestWork.Job> earlier, List<WorkOrderMaterial> materialsUsed) {

        public int maxPhotos() {
            return WorkOrderPhotos.MAX_PER_WORK_ORDER;
        }

        public int photosLeft() {
            return order.getStatus().isActive() ? Math.max(0, maxPhotos() - photos.size()) : 0;
        }

        /** A team's job nobody has accepted yet: the first member to accept takes it. */
        public boolean untaken() {
            return order.getTechnicianId() == null;
        }
    }

    @Transactional(readOnly = true)
    Jobs jobs() {
        long me = CurrentUser.get().id();
        Instant now = dates.now();
        LocalDate today = dates.today();
        List<WorkOrderQueries.MyJob> open = queries.openJobs(me);
        List<WorkOrderQueries.MyJob> finished = queries.finishedSince(me, today.atStartOfDay(dates.zone()).toInstant());
        Places places = places(Stream.concat(open.stream(), finished.stream()).map(WorkOrderQueries.MyJob::job).toList());
        List<Card> dueToday = new ArrayList<>();
        List<Card> later = new ArrayList<>();
        for (WorkOrderQueries.MyJob mine : open) {
            Instant due = mine.dueAt();
            boolean byToday = due != null && !due.atZone(dates.zone()).toLocalDate().isAfter(today);
            (byToday ? dueToday : later).add(places.card(mine, Due.of(mine, now)));
        }
        return new Jobs(dueToday, later, finished.stream().map(mine -> places.card(mine, null)).toList());
    }

    @Transactional(readOnly = true)
    JobPage job(long workOrderId) {
        WorkOrder order = mine(workOrderId);
        RequestWork.Job job = requests.find(order.getRequestId())
                .orElseThrow(() -> new NotFoundException("WorkOrder", workOrderId));
        Places places = places(List.of(job));
        String phone = PhoneNumbers.normalise(job.contactPhone());
        return new JobPage(order, job, Due.of(new WorkOrderQueries.MyJob(order, job), dates.now()),
                places.site(job), places.place(job), phone.isEmpty() ? null : phone, PhoneNumbers.display(phone),
                requests.photos(job.id()), photos.of(order.getId()),
                job.houseId() == null ? List.of() : requests.earlierAtHouse(job.houseId(), job.id(), EARLIER_AT_HOUSE),
                List.copyOf(order.getMaterials()));
    }

    /** The active price list, for the completion form. */
    @Transactional(readOnly = true)
    List<Material> priceList() {
        return materials.findByActiveTrueOrderByCode();
    }

    /** Finishes the job and keeps its after photos in one go: a refused photo leaves the job on site, and the reverse. */
    WorkOrder complete(long workOrderId, CompletionForm form, Locale locale) {
        WorkOrder order = workOrders.complete(workOrderId, form.completion(), form.materialLines(), locale);
        photos.add(order, WorkOrderPhoto.Stage.AFTER, form.getPhotos());
        return order;
    }

    /** Photos taken on the job; the request is locked so that two uploads at once cannot pass the limit together. */
    WorkOrder addPhotos(long workOrderId, WorkOrderPhoto.Stage stage, List<MultipartFile> files) {
        WorkOrder order = mine(workOrderId);
        requests.lock(order.getRequestId());
        if (!order.getStatus().isActive()) {
            throw new BusinessRuleException("work.error.jobClosed");
        }
        if (files == null || files.stream().allMatch(file -> file == null || file.isEmpty())) {
            throw new BusinessRuleException("work.error.choosePhoto");
        }
        photos.add(order, stage, files);
        return order;
    }

    /** A photo the caller sent with the request, for the technician who works it. */
    @Transactional(readOnly = true)
    Optional<RequestWork.PhotoFile> requestPhoto(long workOrderId, long attachmentId) {
        return workOrders.findMine(workOrderId).flatMap(order -> requests.photo(order.getRequestId(), attachmentId));
    }

    @Transactional(readOnly = true)
    Optional<WorkOrderPhotos.Download> photo(long workOrderId, long photoId) {
        return workOrders.findMine(workOrderId).flatMap(order -> photos.download(order.getId(), photoId));
    }

    private WorkOrder mine(long workOrderId) {
        return workOrders.findMine(workOrderId).orElseThrow(() -> new NotFoundException("WorkOrder", workOrderId));
    }

    /**
     * Site names and house codes of a page's jobs, loaded together. The technician works these jobs, which is what
     * entitles them to the address, so houses are looked up without a site scope.
     */
    private Places places(List<RequestWork.Job> jobs) {
        Map<Long, RecordsDirectory.HouseSummary> houses = records.houses(jobs.stream().map(RequestWork.Job::houseId)
                .filter(Objects::nonNull).distinct().toList()).stream()
                .collect(Collectors.toMap(RecordsDirectory.HouseSummary::id, Function.identity()));
        Map<Long, String> sites = jobs.stream().map(RequestWork.Job::siteId).distinct()
                .collect(Collectors.toMap(Function.identity(),
                        id -> records.site(id).map(SiteSummary::name).orElse("")));
        return new Places(houses, sites);
    }

    private record Places(Map<Long, RecordsDirectory.HouseSummary> houses, Map<Long, String> sites) {

        String site(RequestWork.Job job) {
            return sites.get(job.siteId());
        }

        /** The house (building-unit-room), or where in the grounds for work outside a house. */
        String place(RequestWork.Job job) {
            RecordsDirectory.HouseSummary house = job.houseId() == null ? null : houses.get(job.houseId());
            return house != null ? house.code() : job.locationText();
        }

        Card card(WorkOrderQueries.MyJob mine, Due due) {
            return new Card(mine.order(), mine.job(), site(mine.job()), place(mine.job()), due);
        }
    }
}
