package uk.iroinsight.security;

import java.io.IOException;
import java.net.URI;

import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * CSRF protection for the sign-in form itself. Vaadin's security set-up exempts the login
 * form's POST from Spring's CSRF token (its login form cannot send one), which would let another
 * site sign a visitor into an account of its choosing ("login CSRF"). So the POST must come from
 * this site's own page, as its Origin header (or, failing that, its Referer) says: OWASP's
 * "verifying origin with standard headers". Browsers send Origin on every form POST; a request
 * with neither header, or from another origin, is refused with 403.
 */
final class LoginOriginCheck extends OncePerRequestFilter {

    private final String loginPath;

    LoginOriginCheck(String loginPath) {
        this.loginPath = loginPath;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equalsIgnoreCase(request.getMethod())
                || !(request.getContextPath() + loginPath).equals(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!sameOrigin(request)) {
            // Written here, not with sendError: the error page would itself be behind the sign-in.
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write("Sign-in must come from this site's own sign-in page.\n");
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean sameOrigin(HttpServletRequest request) {
        String host = request.getHeader("Host");
        String origin = request.getHeader("Origin");
        String source = origin != null && !origin.equals("null") ? origin : request.getHeader("Referer");
        if (host == null || source == null) {
            return false;
        }
        try {
            URI uri = URI.create(source);
            String authority = uri.getRawAuthority();
            return authority != null && authority.equalsIgnoreCase(host)
                    && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
