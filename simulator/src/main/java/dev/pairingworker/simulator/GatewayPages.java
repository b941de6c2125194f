package dev.pairingworker.simulator;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The HTML error pages a proxy or load balancer in front of PingOne sends for 502, 503 and 504,
 * instead of PingOne's JSON ({@link FaultSettings#htmlGatewayErrors()}): a client must classify by
 * the status and must not insist on parsing the body.
 */
final class GatewayPages {
  private GatewayPages() {}

  /** The response with an HTML body when it is a gateway error and the settings ask for HTML. */
  static SimResponse maybeHtml(SimResponse response, FaultSettings settings) {
    int status = response.status();
    if (!settings.htmlGatewayErrors() || (status != 502 && status != 503 && status != 504)) {
      return response;
    }
    String title = status + " " + reason(status);
    String page =
        "<html>\r\n<head><title>"
            + title
            + "</title></head>\r\n<body>\r\n<center><h1>"
            + title
            + "</h1></center>\r\n</body>\r\n</html>\r\n";
    Map<String, String> headers = new LinkedHashMap<>(response.headers());
    headers.put("Content-Type", "text/html");
    return new SimResponse(status, headers, page.getBytes(StandardCharsets.UTF_8));
  }

  private static String reason(int status) {
    return switch (status) {
      case 502 -> "Bad Gateway";
      case 503 -> "Service Temporarily Unavailable";
      default -> "Gateway Time-out";
    };
  }
}
