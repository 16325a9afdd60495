package dev.fulmar.control.message;

import java.util.List;
import java.util.Objects;

/**
 * What a diagnose run found: {@code fulmar diagnose} prints it and exits 0 only when {@code
 * success}.
 *
 * @param success whether IKE and the CHILD SA were negotiated
 * @param profile the profile's name
 * @param gateway the gateway host
 * @param durationMillis from the first packet to the established CHILD SA (or the failure)
 * @param negotiated what was negotiated, when {@code success}
 * @param failure the failed step and reason, when not {@code success}
 * @param notes remarks, e.g. that an unprivileged source port was used
 */
public record DiagnoseReport(
    boolean success,
    String profile,
    String gateway,
    long durationMillis,
    SessionDetails negotiated,
    Failure failure,
    List<String> notes) implements Response {
  public DiagnoseReport {
    Objects.requireNonNull(profile, "profile");
    if (success == (failure != null)) {
      throw new IllegalArgumentException("diagnose_report: a failure is given exactly when "
          + "success is false");
    }
    notes = notes == null ? List.of() : List.copyOf(notes);
  }
}
