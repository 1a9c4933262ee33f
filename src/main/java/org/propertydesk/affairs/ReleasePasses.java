package org.propertydesk.affairs;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.propertydesk.records.HouseOccupants;
import org.propertydesk.records.HouseOccupants.Occupant;
import org.propertydesk.records.RecordsDirectory;
import org.propertydesk.records.RecordsDirectory.HouseSummary;
import org.propertydesk.shared.security.CurrentUser;
import org.propertydesk.shared.security.SiteScope;
import org.propertydesk.shared.time.Dates;
import org.propertydesk.shared.web.BusinessRuleException;
import org.propertydesk.shared.web.NotFoundException;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Release passes as the front desk and owners handle them: asking for one, an owner's consent or the desk's approval,
 * and reading them back. Staff see the passes of their sites, owners those of the houses they occupy; anything else
 * is "not found". The gate's side is {@link ReleasePassGate}.
 */
@Service
@Transactional
public class ReleasePasses {

    static final int LIST_LIMIT = 200;

    /** Bounds that stand for "any day" in the list's query, which takes no empty parameters. */
    private static final LocalDate ANY_DAY_FROM = LocalDate.of(2000, 1, 1);
    private static final LocalDate ANY_DAY_TO = LocalDate.of(9999, 12, 31);

    private final ReleasePassRepository passes;
    private final ReleasePassCheckRepository checks;
    private final PassNumbers numbers;
    private final HouseOccupants occupants;
    private final RecordsDirectory records;
    private final Dates dates;

    ReleasePasses(ReleasePassRepository passes, ReleasePassCheckRepository checks, PassNumbers numbers,
            HouseOccupants occupants, RecordsDirectory records, Dates dates) {
        this.passes = passes;
        this.checks = checks;
        this.numbers = numbers;
        this.occupants = occupants;
        this.records = records;
        this.dates = dates;
    }

    /**
     * The front desk asks for a pass on behalf of one of the house's current occupants; an owner's is approved at
     * once. The house must be of the desk's sites, the requester one of its occupants.
     */
    public ReleasePass askAtDesk(ReleasePassForm form) {
        HouseSummary house = records.house(form.getHouseId(), CurrentUser.siteScope())
                .orElseThrow(() -> new NotFoundException("house", form.getHouseId()));
        Occupant requester = form.getRequesterId() == null ? null
                : occupants.occupant(house.id(), form.getRequesterId()).orElse(null);
        if (requester == null) {
            throw new BusinessRuleException("pass.error.requesterNotOccupant");
        }
        return save(house, requester, ReleasePass.Channel.DESK, form);
    }

    /** An owner or tenant asks for a pass for one of their houses (the caller has checked it is theirs). */
    public ReleasePass askInPortal(long customerId, HouseSummary house, ReleasePassForm form) {
        Occupant requester = occupants.occupant(house.id(), customerId)
                .orElseThrow(() -> new NotFoundException("house", house.id()));
        return save(house, requester, ReleasePass.Channel.PORTAL, form);
    }

    private ReleasePass save(HouseSummary house, Occupant requester, ReleasePass.Channel channel, ReleasePassForm form) {
        Instant now = dates.now();
        return passes.save(new ReleasePass(numbers.next(now), house.siteId(), house.id(), requester.customerId(),
                requester.name(), requester.role(), requester.isOwner(), channel, form.getItems().strip(),
                form.getPassDate(), form.plate(), now));
    }

    /** A pass of the caller's sites. */
    @Transactional(readOnly = true)
    public ReleasePass forStaff(long id) {
        return passes.findById(id).filter(p -> CurrentUser.siteScope().includes(p.getSiteId()))
                .orElseThrow(() -> new NotFoundException("release pass", id));
    }

    /** A pass of one of these houses: the houses the owner occupies now. */
    @Transactional(readOnly = true)
    public ReleasePass forHousehold(long id, Collection<Long> houseIds) {
        return passes.findById(id).filter(p -> houseIds.contains(p.getHouseId()))
                .orElseThrow(() -> new NotFoundException("release pass", id));
    }

    @Transactional(readOnly = true)
    public ReleasePass byNumberForHousehold(String typed, Collection<Long> houseIds) {
        return PassNumbers.normalize(typed).flatMap(passes::findByNumber)
                .filter(p -> houseIds.contains(p.getHouseId()))
                .orElseThrow(() -> new NotFoundException("release pass", typed));
    }

    /** The desk's list: passes of the caller's sites, optionally of one site, day and status, latest day first. */
    @Transactional(readOnly = true)
    public List<ReleasePass> forDesk(Long siteId, LocalDate day, ReleasePassStatus status) {
        SiteScope scope = CurrentUser.siteScope();
        boolean allSites = siteId == null && scope.allSites();
        Set<Long> siteIds = siteId == null ? scope.idsForQuery() : scope.includes(siteId) ? Set.of(siteId) : Set.of(-1L);
        return passes.findForDesk(allSites, siteIds, day == null ? ANY_DAY_FROM : day, day == null ? ANY_DAY_TO : day,
                status == null ? EnumSet.allOf(ReleasePassStatus.class) : EnumSet.of(status),
                PageRequest.of(0, LIST_LIMIT));
    }

    @Transactional(readOnly = true)
    public List<ReleasePass> ofHouses(Collection<Long> houseIds) {
        return houseIds.isEmpty() ? List.of()
                : passes.findByHouseIdInOrderByPassDateDescIdDesc(houseIds, PageRequest.of(0, LIST_LIMIT));
    }

    @Transactional(readOnly = true)
    public List<ReleasePass> ofHouse(long houseId) {
        return passes.findByHouseIdOrderByPassDateDescIdDesc(houseId, PageRequest.of(0, LIST_LIMIT));
    }

    /** Passes of other occupants waiting for this customer's consent: those of houses they own. */
    @Transactional(readOnly = true)
    public List<ReleasePass> awaitingConsentOf(long customerId, Collection<Long> houseIds) {
        List<Long> owned = houseIds.stream()
                .filter(houseId -> occupants.occupant(houseId, customerId).filter(Occupant::isOwner).isPresent())
                .toList();
        return owned.isEmpty() ? List.of()
                : passes.findByHouseIdInAndStatusOrderByPassDateAscIdAsc(owned, ReleasePassStatus.PENDING);
    }

    @Transactional(readOnly = true)
    public List<ReleasePassCheck> checksOf(long passId) {
        return checks.findByPassIdOrderByCheckedAtAscIdAsc(passId);
    }

    /** The front desk approves an occupant's pass without the owner's consent; the reason says on what grounds. */
    public ReleasePass approveAtDesk(long id, String reason, Long version) {
        ReleasePass pass = forStaff(id);
        BusinessRuleException.requireVersion(version, pass.getVersion());
        pass.approveAtDesk(CurrentUser.displayName(), requiredReason(reason), dates.now());
        return pass;
    }

    public ReleasePass refuseAtDesk(long id, String reason, Long version) {
        ReleasePass pass = forStaff(id);
        BusinessRuleException.requireVersion(version, pass.getVersion());
        pass.refuse(CurrentUser.displayName(), requiredReason(reason), dates.now());
        return pass;
    }

    /** An owner of the pass's house consents; anyone else gets "not found", as the pass is not theirs to decide. */
    public ReleasePass consent(long id, long customerId, Collection<Long> houseIds) {
        ReleasePass pass = forHousehold(id, houseIds);
        pass.consent(ownerOf(pass, customerId).name(), dates.now());
        return pass;
    }

    public ReleasePass refuseConsent(long id, long customerId, Collection<Long> houseIds, String reason) {
        ReleasePass pass = forHousehold(id, houseIds);
        Occupant owner = ownerOf(pass, customerId);
        pass.refuse(owner.name(), reason == null || reason.isBlank() ? null : limited(reason.strip()), dates.now());
        return pass;
    }

    private Occupant ownerOf(ReleasePass pass, long customerId) {
        return occupants.occupant(pass.getHouseId(), customerId).filter(Occupant::isOwner)
                .orElseThrow(() -> new NotFoundException("release pass", pass.getId()));
    }

    private static String requiredReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new BusinessRuleException("pass.error.reasonRequired");
        }
        return limited(reason.strip());
    }

    private static String limited(String reason) {
        if (reason.length() > ReleasePass.MAX_REASON) {
            throw new BusinessRuleException("pass.error.reasonTooLong", ReleasePass.MAX_REASON);
        }
        return reason;
    }
}
