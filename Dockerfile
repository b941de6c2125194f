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
# The documented way to start the worker: bin/pairing-worker with the JVM options of config/jvm.options, measured
# with `bench --worker-process` (docs/benchmarks.md, "A cold worker process"), and the class-data archive below.
# Add options with -e PAIRING_WORKER_JVM_OPTIONS=... (they come last and win); raise -Xmx with
# worker.max.buffered.
COPY bin/pairing-worker /app/bin/pairing-worker
COPY config/jvm.options /app/config/jvm.options
COPY config/worker.properties /config/worker.properties
ENV PAIRING_WORKER_JAR=/app/pairing-worker.jar
# MALLOC_ARENA_MAX=2: glibc keeps fewer per-thread malloc arenas, memory the JVM does not see (NMT) but RSS does.
ENV MALLOC_ARENA_MAX=2
# The class-data archive (AppCDS) for this jar and this image's Java, made as `mvn package` makes it: a short
# training run of the worker started by bin/pairing-worker with -XX:ArchiveClassesAtExit.
RUN PAIRING_WORKER_JVM_OPTIONS=-XX:ArchiveClassesAtExit=/app/pairing-worker.jsa \
      java -jar /app/pairing-worker.jar bench --worker-process --warmup=0 --commands=3000 --users=1000 \
      --no-serial-baseline --timeout=3m > /tmp/class-data-archive.log 2>&1 \
    || { tail -n 40 /tmp/class-data-archive.log; exit 1; }; \
    test -s /app/pairing-worker.jsa && rm -f /tmp/class-data-archive.log
USER worker
EXPOSE 9464
ENTRYPOINT ["/app/bin/pairing-worker"]
CMD ["run", "--config", "/config/worker.properties"]
