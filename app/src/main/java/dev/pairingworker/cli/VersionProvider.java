package dev.pairingworker.cli;

import picocli.CommandLine;

/** The version from the jar manifest (unknown when run from classes). */
final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = Main.class.getPackage().getImplementationVersion();
    return new String[] {"pairing-worker " + (version == null ? "(development build)" : version)};
  }
}
