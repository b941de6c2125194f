# Builds the worker image from the sources. The image holds pairing-worker.jar only: no broker, no build tools.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 worker
COPY --from=build /src/target/pairing-worker.jar /app/pairing-worker.jar
COPY config/worker.properties /config/worker.properties
USER worker
EXPOSE 9464
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/pairing-worker.jar"]
CMD ["run", "--config", "/config/worker.properties"]
