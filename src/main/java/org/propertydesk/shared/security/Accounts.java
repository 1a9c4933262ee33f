package org.propertydesk.shared.security;

import java.util.List;
import java.util.Optional;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Every account, from every {@link AccountSource} in their order (staff first). */
@Service
class Accounts implements UserDetailsService {

    private final List<AccountSource> sources;

    Accounts(List<AccountSource> sources) {
        this.sources = List.copyOf(sources);
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        String name = username == null ? "" : username.trim();
        return sources.stream().map(source -> source.find(name)).flatMap(Optional::stream).findFirst()
                .orElseThrow(() -> new UsernameNotFoundException("No account " + name));
    }

    /** Whether any account already uses the name, so that a new account cannot take it. */
    boolean exists(String username) {
        return sources.stream().anyMatch(source -> source.find(username).isPresent());
    }
}
