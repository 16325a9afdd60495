package dev.fulmar.helper.control;

import dev.fulmar.control.PromptHandler;
import dev.fulmar.control.message.Credentials;
import dev.fulmar.control.message.DiagnoseReport;
import dev.fulmar.control.message.TunnelStatus;
import dev.fulmar.profiles.model.Profile;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * What the control server needs from the tunnel side of the helper: the helper's TunnelManager
 * implements it; {@link InMemoryTunnelService} is the fake for tests and for the app's fake
 * helper. One tunnel at a time. Methods return quickly (long work completes the stage later) and
 * may be called from any thread.
 *
 * <p>Failures complete the stage exceptionally with a {@link TunnelServiceException} whose code
 * the server forwards ({@code CONNECT_FAILED} with the {@code Failure}, {@code BUSY}, ...); any
 * other exception becomes an {@code INTERNAL} error.
 */
public interface TunnelService {

  /**
   * Brings the tunnel up with a validated profile. Emits state events to listeners as it goes
   * ({@code CONNECTING}, then {@code CONNECTED} or {@code ERROR}) and completes with the {@code
   * CONNECTED} status. Asks {@code prompts} for missing secrets (only after the gateway has been
   * authenticated). Takes ownership of {@code credentials}: keeps them while the session needs
   * them (re-authentication) and wipes them on disconnect or failure.
   *
   * <p>Completes exceptionally with {@code BUSY} when another profile's tunnel is active; a
   * connect to the profile that is already connected completes with the current status.
   */
  CompletionStage<TunnelStatus> connect(Profile profile, Credentials credentials,
      PromptHandler prompts);

  /**
   * Takes the tunnel down, or cancels a connect in progress (whose stage then fails with a {@code
   * CANCELLED} failure); completes once {@code DISCONNECTED}. Completes at once when nothing is up.
   */
  CompletionStage<Void> disconnect();

  /** The current state; never blocks for long. */
  TunnelStatus status();

  /** The traffic counters of the tunnel that is up, if any. */
  Optional<TrafficCounters> counters();

  /**
   * Negotiates IKE and one CHILD SA with the profile's gateway, then deletes the SA; touches no
   * routes, DNS or adapter and does not change {@link #status()}. Completes with the report
   * (success or failure); exceptionally only for errors that are not about the negotiation.
   * Takes ownership of {@code credentials} as {@link #connect} does.
   */
  CompletionStage<DiagnoseReport> diagnose(Profile profile, Credentials credentials,
      PromptHandler prompts);

  /** Adds a listener of state changes and log lines; closing the handle removes it. */
  AutoCloseable subscribe(TunnelListener listener);
}
