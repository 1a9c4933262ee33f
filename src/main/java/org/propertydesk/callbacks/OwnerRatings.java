package org.propertydesk.callbacks;

import java.util.Optional;

import org.propertydesk.requests.RequestStatus;
import org.propertydesk.requests.RequestWork;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The owner's own rating of a request, from the portal: the same rules as any rating (once per request, only after
 * resolution), recorded as given through the portal. The portal checks the request is the owner's before calling.
 */
@Service
@Transactional
public class OwnerRatings {

    private final Ratings ratings;
    private final RequestWork requests;

    OwnerRatings(Ratings ratings, RequestWork requests) {
        this.ratings = ratings;
        this.requests = requests;
    }

    public void rate(long requestId, RatingForm stars) {
        ratings.record(requestId, stars.stars(), RequestRating.Channel.PORTAL);
    }

    /** The overall stars already given to the request, if it has been rated (by any channel). */
    @Transactional(readOnly = true)
    public Optional<Integer> overall(long requestId) {
        return ratings.of(requestId).map(RequestRating::getOverall);
    }

    /** Whether the request can be rated now: resolved or closed, and not rated yet. */
    @Transactional(readOnly = true)
    public boolean mayRate(long requestId) {
        return ratings.of(requestId).isEmpty() && requests.find(requestId)
                .map(job -> job.status() == RequestStatus.RESOLVED || job.status() == RequestStatus.CLOSED)
                .orElse(false);
    }
}
