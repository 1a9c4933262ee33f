package org.propertydesk.callbacks;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.propertydesk.notifications.Notifications;
import org.propertydesk.requests.RequestStatus;
import org.propertydesk.requests.RequestWork;
import org.propertydesk.shared.api.SignedLinks;
import org.propertydesk.shared.security.CurrentUser;
import org.propertydesk.shared.security.Role;
import org.propertydesk.shared.time.Dates;
import org.propertydesk.shared.web.BusinessRuleException;
import org.propertydesk.shared.web.NotFoundException;
import org.propertydesk.staff.StaffDirectory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One rating per request, once the work is resolved: from a signed link the owner opens without logging in, or
 * recorded by staff (on a callback, or otherwise). A low rating gets a supervisor to follow up.
 */
@Service
@Transactional
class Ratings {

    static final String LINK_PURPOSE = "rate";

    private final RequestRatingRepository ratings;
    private final RequestWork requests;
    private final SignedLinks links;
    private final StaffDirectory staff;
    private final Notifications notifications;
    private final Dates dates;
    private final Duration linkValidity;

    Ratings(RequestRatingRepository ratings, RequestWork requests, SignedLinks links, StaffDirectory staff,
            Notifications notifications, Dates dates,
            @Value("${propertydesk.ratings.link-validity:P14D}") Duration linkValidity) {
        this.ratings = ratings;
        this.requests = requests;
        this.links = links;
        this.staff = staff;
        this.notifications = notifications;
        this.dates = dates;
        this.linkValidity = linkValidity;
    }

    /** A link to send the owner, valid for the configured number of days. */
    record Link(long requestId, long expires, String signature) {

        String path() {
            return "/s/rate/" + requestId + "?expires=" + expires + "&sig=" + signature;
        }
    }

    Link linkFor(long requestId) {
        visible(requestId);
        Instant expires = dates.now().plus(linkValidity);
        return new Link(requestId, expires.getEpochSecond(),
                links.sign(LINK_PURPOSE, String.valueOf(requestId), Instant.ofEpochSecond(expires.getEpochSecond())));
    }

    /** The link's expiry, or null if the number is not a moment at all (a link someone typed or altered). */
    static Instant expiry(Long epochSecond) {
        try {
            return epochSecond == null ? null : Instant.ofEpochSecond(epochSecond);
        } catch (DateTimeException unreadable) {
            return null;
        }
    }

    /** The request a link opens, if the link is genuine and still valid. */
    @Transactional(readOnly = true)
    Optional<RequestWork.Job> byLink(long requestId, Long expires, String signature) {
        Instant until = expiry(expires);
        if (until == null || !links.verify(LINK_PURPOSE, String.valueOf(requestId), until, signature)) {
            return Optional.empty();
        }
        return requests.find(requestId);
    }

    RequestRating rateByLink(long requestId, Long expires, String signature, RequestRating.Stars stars) {
        RequestWork.Job job = byLink(requestId, expires, signature)
                .orElseThrow(() -> new BusinessRuleException("rating.error.linkInvalid"));
        return rate(job, stars, RequestRating.Channel.LINK, "owner");
    }

    /** Staff record what the owner said, on a callback or otherwise. */
    RequestRating record(long requestId, RequestRating.Stars stars, RequestRating.Channel channel) {
        return rate(visible(requestId), stars, channel, CurrentUser.username());
    }

    @Transactional(readOnly = true)
    Optional<RequestRating> of(long requestId) {
        return ratings.findByRequestId(requestId);
    }

    private RequestRating rate(RequestWork.Job job, RequestRating.Stars stars, RequestRating.Channel channel,
            String recordedBy) {
        if (job.status() != RequestStatus.RESOLVED && job.status() != RequestStatus.CLOSED) {
            throw new BusinessRuleException("rating.error.notResolved");
        }
        if (ratings.existsByRequestId(job.id())) {
            throw new BusinessRuleException("rating.error.alreadyRated");
        }
        RequestRating rating = ratings.save(new RequestRating(job.id(), job.siteId(), stars, channel, recordedBy,
                dates.now()));
        if (rating.isLow()) {
            requests.note(job.id(), "rating.low.TRUE · " + rating.getOverall() + "★"
                    + (rating.getComment() == null ? "" : ": " + rating.getComment()), true);
            notifications.send(staff.withRoleServing(Role.MANAGER, job.siteId()).stream()
                    .map(StaffDirectory.StaffContact::username).toList(), "FOLLOW_UP", "notification.lowRating",
                    List.of(job.number(), String.valueOf(rating.getOverall())), "/requests/" + job.id());
        }
        return rating;
    }

    private RequestWork.Job visible(long requestId) {
        return requests.find(requestId).filter(j -> CurrentUser.siteScope().includes(j.siteId()))
                .orElseThrow(() -> new NotFoundException("Request", requestId));
    }
}
