package dev.pairingworker.simulator;

/**
 * The last responder of the chain: sends token requests to the {@link TokenEndpoint} and API
 * requests, once their bearer token is accepted, to the {@link PairingKeyEndpoint}. The token is
 * checked before the route, as PingOne's gateway does, so an unauthenticated caller learns nothing
 * about which paths exist.
 */
final class Router implements Responder {
  private final TokenEndpoint tokenEndpoint;
  private final PairingKeyEndpoint pairingKeys;

  Router(TokenEndpoint tokenEndpoint, PairingKeyEndpoint pairingKeys) {
    this.tokenEndpoint = tokenEndpoint;
    this.pairingKeys = pairingKeys;
  }

  /** Whether the path belongs to the management API (and so needs a bearer token). */
  static boolean isApiPath(String path) {
    return path.startsWith("/v1/");
  }

  @Override
  public SimResponse respond(SimRequest request) {
    // -1 keeps empty segments, so "/a//b" and a trailing "/" never match a route by accident.
    String[] segments = request.path().split("/", -1);
    if (isApiPath(request.path())) {
      return request.token() == TokenState.VALID
          ? api(request, segments)
          : ApiErrors.invalidToken();
    }
    if (segments.length == 4 && segments[2].equals("as") && segments[3].equals("token")) {
      return tokenEndpoint.respond(request, segments[1]);
    }
    return ApiErrors.notFound();
  }

  private SimResponse api(SimRequest request, String[] s) {
    boolean underUser =
        s.length >= 7
            && s[2].equals("environments")
            && s[4].equals("users")
            && s[6].equals("pairingKeys");
    if (underUser && s.length == 7) {
      return pairingKeys.collection(request, s[3], s[5]);
    }
    if (underUser && s.length == 8) {
      return pairingKeys.item(request, s[3], s[5], s[7]);
    }
    return ApiErrors.notFound();
  }
}
