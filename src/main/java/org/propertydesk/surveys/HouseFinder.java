package org.propertydesk.surveys;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.propertydesk.records.CallerLookup;
import org.propertydesk.records.RecordsDirectory;
import org.propertydesk.records.SiteDirectory;
import org.propertydesk.records.SiteSummary;
import org.propertydesk.shared.security.CurrentUser;
import org.propertydesk.shared.security.SiteScope;
import org.springframework.stereotype.Component;

/**
 * Finds the households of a questionnaire's target sites with the front desk's search (a house code such as
 * {@code 3-2-1502}, a name or a phone number), and who lives in each: the respondents to choose from.
 */
@Component
class HouseFinder {

    private final CallerLookup lookup;
    private final RecordsDirectory records;
    private final SiteDirectory sites;
    private final SurveyResponses responses;
    private final SurveyLinks links;

    HouseFinder(CallerLookup lookup, RecordsDirectory records, SiteDirectory sites, SurveyResponses responses,
            SurveyLinks links) {
        this.lookup = lookup;
        this.records = records;
        this.sites = sites;
        this.responses = responses;
        this.links = links;
    }

    public record Occupant(long customerId, String name) {
    }

    public record FoundHouse(long houseId, long siteId, String siteName, String code, List<Occupant> occupants,
            boolean answered, String link) {
    }

    /** Houses matching the search within the target sites the current person serves. */
    List<FoundHouse> find(Questionnaire q, String query) {
        SiteScope caller = CurrentUser.siteScope();
        Set<Long> targets = q.getSiteIds().stream().filter(caller::includes).collect(Collectors.toSet());
        return search(q, query, SiteScope.of(targets), true);
    }

    /** The house if it is in a target site the current person serves, with its occupants. */
    Optional<FoundHouse> house(Questionnaire q, long houseId, SiteScope scope) {
        return records.house(houseId, scope).filter(h -> q.targets(h.siteId()))
                .map(h -> search(q, h.code(), SiteScope.of(Set.of(h.siteId())), true).stream()
                        .filter(f -> f.houseId() == houseId).findFirst()
                        .orElse(new FoundHouse(h.id(), h.siteId(), h.siteName(), h.code(), List.of(), false, null)));
    }

    private List<FoundHouse> search(Questionnaire q, String query, SiteScope scope, boolean withLinks) {
        if (scope.siteIds().isEmpty()) {
            return List.of();
        }
        Map<String, SiteSummary> byCode = sites.all().stream().collect(Collectors.toMap(SiteSummary::code, s -> s));
        Map<Long, List<Occupant>> occupants = new LinkedHashMap<>();
        Map<Long, CallerLookup.MatchedHouse> found = new LinkedHashMap<>();
        for (CallerLookup.Match match : lookup.lookup(query, scope)) {
            for (CallerLookup.MatchedHouse house : match.houses()) {
                SiteSummary site = byCode.get(house.siteCode());
                if (site == null || !scope.includes(site.id()) || !q.targets(site.id())) {
                    continue;
                }
                found.putIfAbsent(house.id(), house);
                occupants.computeIfAbsent(house.id(), id -> new ArrayList<>())
                        .add(new Occupant(match.customerId(), match.name()));
            }
        }
        List<FoundHouse> result = new ArrayList<>();
        found.forEach((id, house) -> {
            SiteSummary site = byCode.get(house.siteCode());
            List<Occupant> people = occupants.get(id).stream().distinct().toList();
            result.add(new FoundHouse(id, site.id(), site.name(), house.code(), people,
                    !q.isPerPerson() && responses.answered(q, id, null),
                    withLinks && q.getStatus() != QuestionnaireStatus.CLOSED ? links.url(q, id) : null));
        });
        return result;
    }
}
