package dev.fulmar.helper.control;

import dev.fulmar.control.message.Policy;
import dev.fulmar.profiles.model.Profile;
import java.util.List;

/**
 * The machine-wide configuration the helper owns: system profiles (e.g. {@code
 * /etc/fulmar/profiles}) and the policy. Only administrators change it (the control server
 * checks); reads are for every operator.
 */
public interface SystemConfig {
  /** The system profiles, in a stable order. */
  List<Profile> systemProfiles() throws TunnelServiceException;

  /** Stores or replaces (by id) a validated system profile. */
  void saveSystemProfile(Profile profile) throws TunnelServiceException;

  /** Removes the system profile with this name ({@code UNKNOWN_PROFILE} if none). */
  void deleteSystemProfile(String name) throws TunnelServiceException;

  /** The current policy. */
  Policy policy();

  /** Replaces the policy (persisted atomically by real implementations). */
  void setPolicy(Policy policy) throws TunnelServiceException;
}
