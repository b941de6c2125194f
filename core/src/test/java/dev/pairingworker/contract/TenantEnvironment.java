package dev.pairingworker.contract;

import dev.pairingworker.config.Region;
import dev.pairingworker.config.TokenAuthMethod;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads a real tenant's {@link ContractTarget} from {@code PINGONE_CONTRACT_*} environment
 * variables. Every problem is collected, so one failed run names all of them; messages never show
 * the client secret.
 */
final class TenantEnvironment {
  static final String REGION = "PINGONE_CONTRACT_REGION";
  static final String API_URL = "PINGONE_CONTRACT_API_URL";
  static final String AUTH_URL = "PINGONE_CONTRACT_AUTH_URL";
  static final String ENVIRONMENT_ID = "PINGONE_CONTRACT_ENVIRONMENT_ID";
  static final String CLIENT_ID = "PINGONE_CONTRACT_CLIENT_ID";
  static final String CLIENT_SECRET = "PINGONE_CONTRACT_CLIENT_SECRET";
  static final String USER_ID = "PINGONE_CONTRACT_USER_ID";
  static final String AUTH_METHOD = "PINGONE_CONTRACT_AUTH_METHOD";

  private final Map<String, String> env;
  private final List<String> missing = new ArrayList<>();
  private final List<String> invalid = new ArrayList<>();

  private TenantEnvironment(Map<String, String> env) {
    this.env = env;
  }

  /**
   * The target, or an {@link IllegalStateException} whose message lists every missing or bad
   * variable.
   */
  static ContractTarget read(Map<String, String> env) {
    return new TenantEnvironment(env).target();
  }

  private ContractTarget target() {
    URI[] hosts = hosts();
    String environmentId = uuid(ENVIRONMENT_ID);
    String clientId = required(CLIENT_ID);
    String clientSecret = required(CLIENT_SECRET);
    String userId = uuid(USER_ID);
    boolean basicAuth = authMethod() == TokenAuthMethod.CLIENT_SECRET_BASIC;
    if (!missing.isEmpty() || !invalid.isEmpty()) {
      throw new IllegalStateException(problems());
    }
    String auth = hosts[1].toString().replaceAll("/+$", "");
    return new ContractTarget(
        "the PingOne tenant at " + hosts[0],
        URI.create(auth + "/" + environmentId + "/as/token"),
        hosts[0],
        clientId,
        clientSecret,
        basicAuth,
        environmentId,
        userId);
  }

  /** API and auth base: from the region, or both URLs given explicitly. */
  private URI[] hosts() {
    String region = value(REGION);
    String api = value(API_URL);
    String auth = value(AUTH_URL);
    if (region != null && (api != null || auth != null)) {
      invalid.add("set either " + REGION + " or " + API_URL + " and " + AUTH_URL + ", not both");
      return null;
    }
    if (region != null) {
      try {
        Region r = Region.valueOf(region.toUpperCase(Locale.ROOT));
        return new URI[] {r.apiUrl(), r.authUrl()};
      } catch (IllegalArgumentException e) {
        invalid.add(
            REGION
                + " must be one of "
                + Arrays.toString(Region.values())
                + ", not '"
                + region
                + "'");
        return null;
      }
    }
    if (api == null && auth == null) {
      missing.add(REGION + " (or " + API_URL + " and " + AUTH_URL + ")");
      return null;
    }
    return new URI[] {url(API_URL, api), url(AUTH_URL, auth)};
  }

  private URI url(String name, String value) {
    if (value == null) {
      missing.add(name);
      return null;
    }
    try {
      URI uri = URI.create(value);
      if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
        invalid.add(name + " must be an http(s) URL, not '" + value + "'");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      invalid.add(name + " must be an http(s) URL, not '" + value + "'");
      return null;
    }
  }

  private String uuid(String name) {
    String value = required(name);
    if (value != null && !ContractAssertions.UUID.matcher(value).matches()) {
      invalid.add(name + " must be a lowercase UUID, not '" + value + "'");
    }
    return value;
  }

  /**
   * The contract check authenticates with the client secret only (basic or post); a JWT method
   * would otherwise be run as something it is not.
   */
  private TokenAuthMethod authMethod() {
    String value = value(AUTH_METHOD);
    if (value == null) {
      return TokenAuthMethod.CLIENT_SECRET_BASIC;
    }
    List<TokenAuthMethod> supported =
        List.of(TokenAuthMethod.CLIENT_SECRET_BASIC, TokenAuthMethod.CLIENT_SECRET_POST);
    for (TokenAuthMethod method : supported) {
      if (method.configName().equalsIgnoreCase(value)) {
        return method;
      }
    }
    invalid.add(AUTH_METHOD + " must be one of " + supported + ", not '" + value + "'");
    return TokenAuthMethod.CLIENT_SECRET_BASIC;
  }

  private String required(String name) {
    String value = value(name);
    if (value == null) {
      missing.add(name);
    }
    return value;
  }

  private String value(String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? null : value.strip();
  }

  private String problems() {
    StringBuilder message =
        new StringBuilder("The PingOne contract check needs a real tenant, but ");
    if (!missing.isEmpty()) {
      message
          .append("these environment variables are not set: ")
          .append(String.join(", ", missing));
    }
    if (!invalid.isEmpty()) {
      message
          .append(missing.isEmpty() ? "" : "; and ")
          .append(invalid.stream().collect(Collectors.joining("; ")));
    }
    return message.append(". See docs/contract-check.md.").toString();
  }
}
