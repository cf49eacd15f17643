package uk.iroinsight.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The {@link Access} of the request being served, from Spring Security's context (which Vaadin
 * keeps for its UI threads too). Without a signed-in account it is {@link Access#NOBODY}, who
 * sees the least: the query layer fails closed.
 */
@Component
public class CurrentAccess {

    public Access get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated() && authentication.getPrincipal() instanceof IroUser user) {
            return user.access();
        }
        return Access.NOBODY;
    }
}
