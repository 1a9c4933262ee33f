package org.propertydesk.portal;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.propertydesk.records.RecordsDirectory;
import org.propertydesk.shared.security.AccountSource;
import org.propertydesk.shared.security.PropertyDeskUser;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Owners' accounts, after staff's. The account's sites are those of the houses the customer occupies now, read at
 * every request, so that a tenant who moves out loses access at their next click.
 */
@Service
@Order(2)
class OwnerAccountSource implements AccountSource {

    private final OwnerAccountRepository accounts;
    private final RecordsDirectory records;

    OwnerAccountSource(OwnerAccountRepository accounts, RecordsDirectory records) {
        this.accounts = accounts;
        this.records = records;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<PropertyDeskUser> find(String username) {
        return accounts.findByUsername(username.trim()).map(account -> {
            var customers = records.customers(List.of(account.getCustomerId()));
            String name = customers.isEmpty() ? account.getUsername() : customers.get(0).name();
            Set<Long> sites = records.currentHouses(account.getCustomerId()).stream()
                    .map(RecordsDirectory.HouseSummary::siteId).collect(Collectors.toSet());
            return account.toUser(name, sites);
        });
    }
}
