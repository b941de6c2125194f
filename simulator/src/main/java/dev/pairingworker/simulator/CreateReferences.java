package dev.pairingworker.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether a create body's ids name what the environment holds: each {@code applications[i].id} a
 * native application, {@code policy.id} a device authentication policy. Otherwise 400 INVALID_DATA
 * with an INVALID_VALUE detail targeting the id. A lenient tenant only uses a policy it knows.
 */
final class CreateReferences {
  private CreateReferences() {}

  /** Either the policy the key is created under, or what is wrong. */
  sealed interface Resolution {}

  record Resolved(PolicySeed policy) implements Resolution {}

  record Unresolved(List<ErrorDetail> details) implements Resolution {}

  static Resolution resolve(EnvironmentState environment, CreateRequest body, boolean lenient) {
    List<ErrorDetail> details = new ArrayList<>();
    if (!lenient) {
      for (int i = 0; i < body.applicationIds().size(); i++) {
        checkApplication(environment, body.applicationIds().get(i), i, details);
      }
    }
    PolicySeed policy = environment.defaultPolicy();
    if (body.policyId() != null) {
      Optional<PolicySeed> named = environment.policy(body.policyId());
      if (named.isPresent()) {
        policy = named.get();
      } else if (!lenient) {
        details.add(
            new ErrorDetail(
                "INVALID_VALUE",
                "policy.id",
                "No device authentication policy with this id exists in the environment.",
                null));
      }
    }
    return details.isEmpty() ? new Resolved(policy) : new Unresolved(details);
  }

  private static void checkApplication(
      EnvironmentState environment, String id, int index, List<ErrorDetail> details) {
    String target = "applications[" + index + "].id";
    Optional<ApplicationSeed> application = environment.application(id);
    if (application.isEmpty()) {
      details.add(
          new ErrorDetail("INVALID_VALUE", target, "No application with this id exists.", null));
    } else if (application.get().kind() != ApplicationKind.NATIVE) {
      details.add(
          new ErrorDetail(
              "INVALID_VALUE", target, "The application is not a native application.", null));
    }
  }
}
