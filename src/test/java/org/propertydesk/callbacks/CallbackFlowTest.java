package org.propertydesk.callbacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.propertydesk.requests.RequestKind;
import org.propertydesk.requests.RequestWork;
import org.propertydesk.shared.api.SignedLinks;
import org.propertydesk.shared.security.PropertyDeskUser;
import org.propertydesk.shared.web.BusinessRuleException;
import org.propertydesk.support.ClockedIntegrationTest;
import org.propertydesk.support.MutableClock;
import org.propertydesk.support.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Callbacks and ratings as specifications: which resolutions get a callback, when it is due on the site's business
 * calendar, how calls end it (unreachable, reopened, closed), the complaint closing rule, signed rating links, one
 * rating per request with a follow-up for low ones, and quiet requests closing by themselves.
 */
@ClockedIntegrationTest
class CallbackFlowTest {

    @Autowired
    CallbackFlowData data;

    @Autowired
    MutableClock clock;

    @Autowired
    CallbackService service;

    @Autowired
    CallbackSettingRepository settings;

    @Autowired
    Ratings ratings;

    @Autowired
    SignedLinks links;

    @Autowired
    AutoClose autoClose;

    @Autowired
    RequestWork requests;

    @Autowired
    MockMvc mvc;

    long site;
    PropertyDeskUser desk;
    PropertyDeskUser manager;

    /** A site open Monday to Friday 09:00–18:00, every repair called back, three failed calls end a callback. */
    @BeforeEach
    void aSiteOnAWednesdayMorning() {
        clock.set("2026-03-25T10:00");
        site = data.site();
        data.setting(site, 100, false, 24, 3, 7);
        desk = data.frontDesk(site);
        manager = data.manager(site);
    }

    <T> T as(PropertyDeskUser who, Supplier<T> work) {
        return Users.callAs(who, work);
    }

    /** The message key of the business rule the work is refused with. */
    static String refusal(Runnable work) {
        Throwable thrown = null;
        try {
            work.run();
        } catch (RuntimeException refused) {
            thrown = refused;
        }
        assertThat(thrown).as("refused").isInstanceOf(BusinessRuleException.class);
        return ((BusinessRuleException) thrown).messageKey();
    }

    void failedCall(long callbackId, AttemptOutcome outcome) {
        as(desk, () -> service.attempt(callbackId, outcome, null, "打了两次", null));
    }

    void reached(long callbackId, boolean solved, Satisfaction satisfaction, String comment) {
        as(desk, () -> service.reached(callbackId, new Callback.Answer(solved, satisfaction, comment), null, null));
    }

    // Sampling

    @Test
    void complaintsAlwaysGetACallbackRepairsAtTheSampleRateInquiriesOnlyWhenTheSiteAsks() {
        long everyRepair = site;
        long noRepairs = data.site();
        data.setting(noRepairs, 0, true, 24, 3, 7);

        long repair = data.resolvedRepair(everyRepair);
        long complaint = data.resolvedComplaint(everyRepair);
        long inquiry = data.resolvedInquiry(everyRepair);
        assertThat(data.callbacks(repair)).containsExactly("0:DUE");
        assertThat(data.callbacks(complaint)).containsExactly("0:DUE");
        assertThat(data.callbacks(inquiry)).as("inquiries are not called back unless the site asks").isEmpty();

        List<Long> unsampled = IntStream.range(0, 5).mapToObj(i -> data.resolvedRepair(noRepairs)).toList();
        unsampled.forEach(id -> assertThat(data.callbacks(id)).as("a repair at 0 %").isEmpty());
        assertThat(data.callbacks(data.resolvedComplaint(noRepairs))).as("a complaint even at 0 %")
                .containsExactly("0:DUE");
        assertThat(data.callbacks(data.resolvedInquiry(noRepairs))).as("inquiries when the site asks")
                .containsExactly("0:DUE");
    }

    @Test
    void aSiteWithoutItsOwnSettingFollowsTheCompanyDefaultAndItsOwnSettingOverridesIt() {
        long plain = data.site();
        assertThat(settings.effective(plain).getSiteId()).isNull();
        assertThat(settings.effective(site).getSiteId()).isEqualTo(site);
        assertThat(settings.effective(site).getMaxFailedAttempts()).isEqualTo(3);
    }

    @Test
    void atFiftyPercentHalfOfTwoHundredRepairsAreCalledBackAndTheSameOnesEveryTime() {
        CallbackSetting half = new CallbackSetting(null);
        half.update(50, false, 24, 3, 7);
        CallbackSetting all = new CallbackSetting(null);
        all.update(100, false, 24, 3, 7);
        CallbackSetting none = new CallbackSetting(null);
        none.update(0, false, 24, 3, 7);

        long picked = IntStream.range(0, 200).filter(i -> CallbackService.needsCallback(RequestKind.REPAIR,
                50_000L + i, 0, half)).count();
        assertThat(picked).isEqualTo(100);
        long again = IntStream.range(0, 200).filter(i -> CallbackService.needsCallback(RequestKind.REPAIR,
                50_000L + i, 0, half)).count();
        assertThat(again).isEqualTo(picked);
        assertThat(IntStream.range(0, 200).allMatch(i -> CallbackService.needsCallback(RequestKind.REPAIR, i, 0, all)))
                .isTrue();
        assertThat(IntStream.range(0, 200).noneMatch(i -> CallbackService.needsCallback(RequestKind.REPAIR, i, 0, none)))
                .isTrue();
        assertThat(IntStream.range(0, 200).allMatch(i -> CallbackService.needsCallback(RequestKind.COMPLAINT, i, 0, none)))
                .isTrue();

        long halfSite = data.site();
        data.setting(halfSite, 50, false, 24, 3, 7);
        List<Long> repairs = IntStream.range(0, 12).mapToObj(i -> data.resolvedRepair(halfSite)).toList();
        for (long id : repairs) {
            assertThat(data.callbacks(id)).as("repair %d is picked by its id, as the rule says", id)
                    .hasSize(CallbackService.needsCallback(RequestKind.REPAIR, id, 0, half) ? 1 : 0);
        }
    }

    // Due time

    @Test
    void aCallbackIsDueTwentyFourBusinessHoursAfterTheResolutionOnTheSitesCalendar() {
        clock.set("2026-03-25T16:00");
        long complaint = data.resolvedComplaint(site);
        // Wednesday 16–18 (2 h), Thursday (9 h), Friday (9 h), the weekend closed, Monday 09–13 (4 h)
        assertThat(data.dueAt(data.dueCallback(complaint))).isEqualTo(CallbackFlowData.shanghai("2026-03-30T13:00"));

        long withHoliday = data.site();
        data.setting(withHoliday, 100, false, 24, 3, 7);
        data.holiday(withHoliday, LocalDate.parse("2026-03-30"));
        long other = data.resolvedComplaint(withHoliday);
        assertThat(data.dueAt(data.dueCallback(other))).as("Monday is a holiday at this site")
                .isEqualTo(CallbackFlowData.shanghai("2026-03-31T13:00"));

        clock.set("2026-03-28T11:00");
        long onSaturday = data.resolvedComplaint(site);
        assertThat(data.dueAt(data.dueCallback(onSaturday))).as("from Monday 09:00: 9 + 9 + 6 hours")
                .isEqualTo(CallbackFlowData.shanghai("2026-04-01T15:00"));
    }

    // Attempts

    @Test
    void threeFailedCallsEndTheCallbackAsUnreachableCountedAndTheRequestStaysResolved() {
        long complaint = data.resolvedComplaint(site);
        long callback = data.dueCallback(complaint);

        failedCall(callback, AttemptOutcome.NO_ANSWER);
        assertThat(refusal(() -> as(desk, () -> service.attempt(callback, AttemptOutcome.CALL_LATER,
                clock.instant().minus(Duration.ofMinutes(5)), null, null))))
                .as("a call-back time in the past").isEqualTo("callback.error.callBackAt");
        assertThat(refusal(() -> as(desk, () -> service.attempt(callback, AttemptOutcome.CALL_LATER, null, null, null))))
                .as("a call-back time is needed").isEqualTo("callback.error.callBackAt");
        Instant later = clock.instant().plus(Duration.ofHours(2));
        as(desk, () -> service.attempt(callback, AttemptOutcome.CALL_LATER, later, "业主在开会", null));
        assertThat(data.failedAttempts(callback)).as("the owner asked to be called later: not failed").isEqualTo(1);
        failedCall(callback, AttemptOutcome.WRONG_NUMBER);
        assertThat(data.callbackStatus(callback)).isEqualTo("DUE");
        assertThat(data.requestStatus(complaint)).isEqualTo("RESOLVED");

        failedCall(callback, AttemptOutcome.REFUSED);
        assertThat(data.callbackStatus(callback)).isEqualTo("UNREACHABLE");
        assertThat(data.failedAttempts(callback)).isEqualTo(3);
        assertThat(data.attempts(callback)).containsExactly("NO_ANSWER", "CALL_LATER", "WRONG_NUMBER", "REFUSED");
        assertThat(data.requestStatus(complaint)).isEqualTo("RESOLVED");
        assertThat(data.timeline(complaint)).endsWith("callbackDone");
        assertThat(data.lastNote(complaint, "callbackDone")).contains("callback.status.UNREACHABLE");

        assertThat(refusal(() -> failedCall(callback, AttemptOutcome.NO_ANSWER))).isEqualTo("callback.error.notDue");
        assertThat(refusal(() -> reached(callback, true, Satisfaction.SATISFIED, null))).isEqualTo("callback.error.notDue");
        data.act(site, complaint, "close");
        assertThat(data.requestStatus(complaint)).as("the callback was made, so the complaint can close")
                .isEqualTo("CLOSED");
    }

    @Test
    void theNumberOfFailedCallsIsTheSitesSetting() {
        long patient = data.site();
        data.setting(patient, 100, false, 24, 5, 7);
        PropertyDeskUser patientDesk = data.frontDesk(patient);
        long callback = data.dueCallback(data.resolvedComplaint(patient));
        for (int i = 0; i < 4; i++) {
            Users.runAs(patientDesk, () -> service.attempt(callback, AttemptOutcome.NO_ANSWER, null, null, null));
        }
        assertThat(data.callbackStatus(callback)).isEqualTo("DUE");
        Users.runAs(patientDesk, () -> service.attempt(callback, AttemptOutcome.NO_ANSWER, null, null, null));
        assertThat(data.callbackStatus(callback)).isEqualTo("UNREACHABLE");
    }

    @Test
    void reachingTheOwnerNeedsHowSatisfiedTheyAreAndAnotherSitesDeskDoesNotFindTheCallback() {
        long callback = data.dueCallback(data.resolvedComplaint(site));
        assertThat(refusal(() -> reached(callback, true, null, null))).isEqualTo("callback.error.satisfactionRequired");
        assertThat(refusal(() -> failedCall(callback, AttemptOutcome.REACHED))).isEqualTo("callback.error.answerRequired");
        PropertyDeskUser elsewhere = data.frontDesk(data.site());
        assertThatThrownBy(() -> Users.runAs(elsewhere, () -> service.attempt(callback, AttemptOutcome.NO_ANSWER, null,
                null, null))).isInstanceOf(org.propertydesk.shared.web.NotFoundException.class);
        assertThat(data.attempts(callback)).isEmpty();
    }

    // Outcomes

    @Test
    void anUnsatisfiedOwnerReopensTheRequestWithTheReasonAndTheSitesManagersAreTold() {
        PropertyDeskUser otherManager = data.manager(data.site());
        long complaint = data.resolvedComplaint(site);
        long callback = data.dueCallback(complaint);

        failedCall(callback, AttemptOutcome.NO_ANSWER);
        failedCall(callback, AttemptOutcome.NO_ANSWER);
        reached(callback, true, Satisfaction.UNSATISFIED, "晚上还是很吵");

        assertThat(data.callbackStatus(callback)).isEqualTo("DONE");
        assertThat(data.requestStatus(complaint)).isEqualTo("REOPENED");
        assertThat(data.timeline(complaint)).endsWith("callbackDone", "reopened", "internalNote");
        assertThat(data.lastNote(complaint, "reopened")).contains("callback.satisfaction.UNSATISFIED", "晚上还是很吵");
        assertThat(data.lastNote(complaint, "internalNote")).as("the escalation is on the timeline")
                .startsWith("callback.escalated.TRUE → ").contains(manager.displayName());
        assertThat(data.notifications(manager)).contains("ESCALATION notification.callbackSentBack");
        assertThat(data.notifications(otherManager)).doesNotContain("ESCALATION notification.callbackSentBack");
        assertThat(data.callbacks(complaint)).as("the reopen does not cancel the finished callback")
                .containsExactly("0:DONE");
    }

    @Test
    void notSolvedReopensTheRequestEvenWhenTheOwnerIsFriendly() {
        long repair = data.resolvedRepair(site);
        reached(data.dueCallback(repair), false, Satisfaction.NEUTRAL, "水管还在滴水");
        assertThat(data.requestStatus(repair)).isEqualTo("REOPENED");
        assertThat(data.lastNote(repair, "reopened")).contains("callback.solved.FALSE");
    }

    @Test
    void aSatisfiedOwnerClosesTheRequest() {
        long repair = data.resolvedRepair(site);
        long callback = data.dueCallback(repair);
        reached(callback, true, Satisfaction.SATISFIED, "师傅很专业");
        assertThat(data.callbackStatus(callback)).isEqualTo("DONE");
        assertThat(data.requestStatus(repair)).isEqualTo("CLOSED");
        assertThat(data.timeline(repair)).endsWith("callbackDone", "closed");
        assertThat(data.notifications(manager)).doesNotContain("ESCALATION notification.callbackSentBack");
    }

    @Test
    void aComplaintClosesOnlyThroughItsCallback() {
        long complaint = data.resolvedComplaint(site);
        assertThat(refusal(() -> data.act(site, complaint, "close"))).isEqualTo("request.error.complaintNeedsCallback");
        assertThat(data.requestStatus(complaint)).isEqualTo("RESOLVED");
        assertThat(data.callbacks(complaint)).containsExactly("0:DUE");

        reached(data.dueCallback(complaint), true, Satisfaction.NEUTRAL, null);
        assertThat(data.requestStatus(complaint)).isEqualTo("CLOSED");
    }

    @Test
    void aRequestClosedOrReopenedByHandNoLongerNeedsItsCallbackAndTheNextResolutionGetsANewOne() {
        long closed = data.resolvedRepair(site);
        data.act(site, closed, "close");
        assertThat(data.callbacks(closed)).containsExactly("0:CANCELLED");

        long reopened = data.resolvedRepair(site);
        data.act(site, reopened, "reopen");
        assertThat(data.callbacks(reopened)).containsExactly("0:CANCELLED");
        data.act(site, reopened, "dispatch", "arrive", "resolve");
        assertThat(data.callbacks(reopened)).as("one callback per resolution").containsExactly("0:CANCELLED", "1:DUE");
    }

    @Test
    void aRequestReopenedByItsCallbackAndResolvedAgainIsCalledBackAgain() {
        long repair = data.resolvedRepair(site);
        reached(data.dueCallback(repair), true, Satisfaction.UNSATISFIED, "没修好");
        data.act(site, repair, "dispatch", "arrive", "resolve");
        assertThat(data.callbacks(repair)).containsExactly("0:DONE", "1:DUE");
        reached(data.dueCallback(repair), true, Satisfaction.SATISFIED, null);
        assertThat(data.requestStatus(repair)).isEqualTo("CLOSED");
    }

    @Test
    void anInquiryAnsweredAtIntakeGetsOneCallbackWhenTheSiteAsksForThem() throws Exception {
        long asks = data.site();
        data.setting(asks, 100, true, 24, 3, 7);
        PropertyDeskUser frontDesk = data.frontDesk(asks);
        MvcResult saved = mvc.perform(post("/requests").with(user(frontDesk)).with(csrf())
                .param("kind", "INQUIRY").param("categoryCode", "FEES").param("channel", "PHONE")
                .param("siteId", String.valueOf(asks)).param("locationText", "物业服务中心")
                .param("contactPhone", "139 1234 5678").param("description", "咨询物业费缴纳方式")
                .param("resolveAtIntake", "true").param("answer", "可在业主端缴纳。")).andReturn();
        String url = saved.getResponse().getRedirectedUrl();
        assertThat(url).as("the request was saved").matches("/requests/\\d+");
        long inquiry = Long.parseLong(url.substring("/requests/".length()));

        assertThat(data.requestStatus(inquiry)).isEqualTo("RESOLVED");
        assertThat(data.callbacks(inquiry)).containsExactly("0:DUE");
        // Wednesday 10:00 + 24 business hours: 8 + 9 + 7 → Friday 16:00
        assertThat(data.dueAt(data.dueCallback(inquiry))).isEqualTo(CallbackFlowData.shanghai("2026-03-27T16:00"));
    }

    // Signed rating links

    @Test
    void aSignedLinkOpensItsRequestUntilItExpiresAndNotWhenAnythingIsChanged() {
        long repair = data.resolvedRepair(site);
        long another = data.resolvedRepair(site);
        Ratings.Link link = as(desk, () -> ratings.linkFor(repair));
        assertThat(link.path()).startsWith("/s/rate/" + repair + "?expires=");

        assertThat(ratings.byLink(repair, link.expires(), link.signature())).map(RequestWork.Job::id).contains(repair);
        assertThat(ratings.byLink(another, link.expires(), link.signature())).as("another request").isEmpty();
        assertThat(ratings.byLink(repair, link.expires() + 3600, link.signature())).as("a longer validity").isEmpty();
        assertThat(ratings.byLink(repair, link.expires(), link.signature().substring(1) + "A")).as("tampered").isEmpty();
        assertThat(ratings.byLink(repair, null, link.signature())).isEmpty();
        String survey = links.sign("survey", String.valueOf(repair), Instant.ofEpochSecond(link.expires()));
        assertThat(ratings.byLink(repair, link.expires(), survey)).as("signed for another purpose").isEmpty();
        assertThat(refusal(() -> ratings.rateByLink(repair, link.expires(), survey,
                new RequestRating.Stars(5, null, null, null, null)))).isEqualTo("rating.error.linkInvalid");

        clock.advance(Duration.ofDays(14).minusMinutes(1));
        assertThat(ratings.byLink(repair, link.expires(), link.signature())).as("on its last minute").isPresent();
        clock.advance(Duration.ofMinutes(1));
        assertThat(ratings.byLink(repair, link.expires(), link.signature())).as("after 14 days").isEmpty();
        assertThat(refusal(() -> ratings.rateByLink(repair, link.expires(), link.signature(),
                new RequestRating.Stars(5, null, null, null, null)))).isEqualTo("rating.error.linkInvalid");
    }

    @Test
    void anOwnerRatesOnceThroughTheLink() {
        long repair = data.resolvedRepair(site);
        Ratings.Link link = as(desk, () -> ratings.linkFor(repair));
        RequestRating rating = ratings.rateByLink(repair, link.expires(), link.signature(),
                new RequestRating.Stars(5, 4, 5, null, "  很快  "));
        assertThat(rating.getChannel()).isEqualTo(RequestRating.Channel.LINK);
        assertThat(rating.getComment()).isEqualTo("很快");
        assertThat(refusal(() -> ratings.rateByLink(repair, link.expires(), link.signature(),
                new RequestRating.Stars(1, null, null, null, null)))).isEqualTo("rating.error.alreadyRated");
        assertThat(refusal(() -> as(desk, () -> ratings.record(repair, new RequestRating.Stars(3, null, null, null, null),
                RequestRating.Channel.STAFF)))).isEqualTo("rating.error.alreadyRated");
        assertThat(ratings.of(repair)).map(RequestRating::getOverall).contains(5);
    }

    @Test
    void onlyAResolvedRequestCanBeRatedWithStarsFromOneToFive() {
        long open = data.repair(site);
        assertThat(refusal(() -> as(desk, () -> ratings.record(open, new RequestRating.Stars(4, null, null, null, null),
                RequestRating.Channel.STAFF)))).isEqualTo("rating.error.notResolved");
        long repair = data.resolvedRepair(site);
        assertThat(refusal(() -> as(desk, () -> ratings.record(repair, new RequestRating.Stars(null, 3, null, null, null),
                RequestRating.Channel.STAFF)))).isEqualTo("rating.error.overallRequired");
        assertThat(refusal(() -> as(desk, () -> ratings.record(repair, new RequestRating.Stars(4, 6, null, null, null),
                RequestRating.Channel.STAFF)))).isEqualTo("rating.error.stars");
        assertThat(refusal(() -> as(desk, () -> ratings.record(repair, new RequestRating.Stars(0, null, null, null, null),
                RequestRating.Channel.STAFF)))).isEqualTo("rating.error.stars");
        assertThat(ratings.of(repair)).isEmpty();
    }

    @Test
    void aRatingOfTwoOrLessPutsAnInternalNoteOnTheTimelineAndTheManagersFollowUp() {
        long repair = data.resolvedRepair(site);
        as(desk, () -> ratings.record(repair, new RequestRating.Stars(2, 1, 3, 2, "等了三天"), RequestRating.Channel.STAFF));
        assertThat(data.timeline(repair)).endsWith("internalNote");
        assertThat(data.lastInternal(repair, "internalNote")).isTrue();
        assertThat(data.lastNote(repair, "internalNote")).contains("2", "等了三天");
        assertThat(data.notifications(manager)).containsOnlyOnce("FOLLOW_UP notification.lowRating");

        long fine = data.resolvedRepair(site);
        as(desk, () -> ratings.record(fine, new RequestRating.Stars(3, null, null, null, null), RequestRating.Channel.STAFF));
        assertThat(data.timeline(fine)).doesNotContain("internalNote");
        assertThat(data.notifications(manager).stream().filter(n -> n.startsWith("FOLLOW_UP"))).hasSize(1);
    }

    // Closing by itself

    @Test
    void aResolvedRepairWithNoCallbackDueClosesByItselfAfterSevenDaysAndNotBefore() {
        long quiet = data.site();
        data.setting(quiet, 0, false, 24, 3, 7);
        long repair = data.resolvedRepair(quiet);
        long complaint = data.resolvedComplaint(quiet);
        assertThat(data.callbacks(repair)).isEmpty();

        clock.advance(Duration.ofDays(7).minusMinutes(1));
        closeQuietOnes();
        assertThat(data.requestStatus(repair)).isEqualTo("RESOLVED");

        clock.advance(Duration.ofMinutes(2));
        closeQuietOnes();
        assertThat(data.requestStatus(repair)).isEqualTo("CLOSED");
        assertThat(data.lastNote(repair, "closed")).isEqualTo("callback.autoClose.TRUE");
        assertThat(data.requestStatus(complaint)).as("a complaint with its callback due").isEqualTo("RESOLVED");
        assertThat(data.callbacks(complaint)).containsExactly("0:DUE");
    }

    @Test
    void aComplaintWhoseOwnerWasUnreachableClosesByItself() {
        long complaint = data.resolvedComplaint(site);
        long callback = data.dueCallback(complaint);
        for (int i = 0; i < 3; i++) {
            failedCall(callback, AttemptOutcome.NO_ANSWER);
        }
        clock.advance(Duration.ofDays(7).plusMinutes(1));
        closeQuietOnes();
        assertThat(data.requestStatus(complaint)).isEqualTo("CLOSED");
    }

    /**
     * The seven days are up on the minute: the per-request check says so ({@code resolvedAt + 7 days} is not after
     * now), but the query that picks the candidates asks for {@code resolvedAt < now - 7 days} and leaves it out.
     */
    @Test
    void aQuietRequestClosesOnTheMinuteItsDaysAreUp() {
        long quiet = data.site();
        data.setting(quiet, 0, false, 24, 3, 7);
        long repair = data.resolvedRepair(quiet);
        clock.advance(Duration.ofDays(7));
        closeQuietOnes();
        assertThat(data.requestStatus(repair)).isEqualTo("CLOSED");
    }

    /** As the scheduler runs it (no one logged in), until nothing more closes. */
    void closeQuietOnes() {
        for (int i = 0; i < 20 && autoClose.closeQuietOnes() > 0; i++) {
            // more of the other tests' old requests may close on each pass
        }
    }
}
