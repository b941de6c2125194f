# Builds the worker image from the sources. The image holds pairing-worker.jar only, no build tools; the jar also
# carries the in-process broker that `demo` and `bench` use, which `run` never loads.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
# The poms first, so the dependency layer is rebuilt only when one of them changes.
COPY pom.xml .
COPY simulator/pom.xml simulator/
COPY testkit/pom.xml testkit/
COPY core/pom.xml core/
COPY tools/pom.xml tools/
COPY app/pom.xml app/
RUN mvn -B -q dependency:go-offline
COPY simulator/src simulator/src
COPY testkit/src testkit/src
COPY core/src core/src
COPY tools/src tools/src
COPY app/src app/src
# The app module writes the runnable jar to the root's target/.
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 worker
COPY --from=build /src/target/pairing-worker.jar /app/pairing-worker.jar
COPY config/worker.properties /config/worker.properties
USER worker
EXPOSE 9464
# The worker's JVM sized for its bounded working set (worker.max.buffered records, the calls in flight and the
# ledger's entries), measured with `bench --worker-process`: docs/benchmarks.md, "Memory", has the figures
# with and without these options. Override the whole set with -e JDK_JAVA_OPTIONS=...; raise -Xmx with
# worker.max.buffered.
# MALLOC_ARENA_MAX=2: glibc keeps fewer per-thread malloc arenas, memory the JVM does not see (NMT) but RSS does.
ENV MALLOC_ARENA_MAX=2
ENV JDK_JAVA_OPTIONS="-XX:+UseSerialGC -Xmx96m -XX:MaxMetaspaceSize=96m -XX:ReservedCodeCacheSize=64m -XX:TrimNativeHeapInterval=5000"
ENTRYPOINT ["java", "-jar", "/app/pairing-worker.jar"]
CMD ["run", "--config", "/config/worker.properties"]
