package io.chargepay.csms.web;

import java.util.Collection;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every API request carries a verified bearer token: {@code sub} is the user, a {@code roles} claim containing
 * {@code operator} grants the operator endpoints. Health, API docs, the sandbox token endpoint, the Stripe webhook
 * (signed) and the sandbox checkout pages are open.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	ProblemResponses problemResponses(JsonMapper json) {
		return new ProblemResponses(json);
	}

	/**
	 * With {@code management.server.port} set (docker-compose does), actuator on that port is open to whoever reaches
	 * it: Prometheus on the private network. On the API port the metrics stay operator-only.
	 */
	@Bean
	SecurityFilterChain api(HttpSecurity http, ProblemResponses problems,
			@Value("${management.server.port:-1}") int managementPort) throws Exception {
		return http
				.csrf(csrf -> csrf.disable())
				.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
				.authorizeHttpRequests(requests -> requests
						.requestMatchers(request -> managementPort > 0 && request.getLocalPort() == managementPort)
						.permitAll()
						.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
						.requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
						.requestMatchers(HttpMethod.POST, "/api/v1/sandbox/token").permitAll()
						// Stripe signs its webhooks instead; sandbox checkout pages are reached by their link's url.
						.requestMatchers(HttpMethod.POST, "/api/v1/webhooks/stripe").permitAll()
						.requestMatchers("/pay/**").permitAll()
						.requestMatchers("/error").permitAll()
						.requestMatchers("/api/v1/chargers", "/api/v1/chargers/**", "/api/v1/users", "/api/v1/users/**",
								"/api/v1/sandbox/**", "/api/v1/sessions", "/actuator/prometheus").hasRole(Caller.OPERATOR_ROLE)
						.anyRequest().authenticated())
				.oauth2ResourceServer(server -> server
						.jwt(jwt -> jwt.jwtAuthenticationConverter(new RolesClaimConverter()))
						.authenticationEntryPoint(problems)
						.accessDeniedHandler(problems))
				.exceptionHandling(handling -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems))
				.build();
	}

	@Bean
	FilterRegistrationBean<RequestSizeLimit> requestSizeLimit(ProblemResponses problems) {
		FilterRegistrationBean<RequestSizeLimit> registration = new FilterRegistrationBean<>(new RequestSizeLimit(problems));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	/** {@code sub} names the user; each entry of the {@code roles} claim becomes ROLE_&lt;role&gt;. */
	static final class RolesClaimConverter implements Converter<Jwt, AbstractAuthenticationToken> {

		@Override
		public AbstractAuthenticationToken convert(Jwt jwt) {
			Object claim = jwt.getClaims().get("roles");
			Collection<?> roles = claim instanceof Collection<?> list ? list
					: claim instanceof String single ? List.of(single.split("[ ,]+")) : List.of();
			List<GrantedAuthority> authorities = roles.stream()
					.map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role))
					.toList();
			return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
		}
	}
}
