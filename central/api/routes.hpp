#pragma once
// Each area of the API registers its routes here (one file per area).
#include "api/env.hpp"
#include "api/router.hpp"

namespace onestop::central::api {

void addIdentifyRoutes(Router& router, ApiEnv& env);       // identify.cpp
void addRecordsRoutes(Router& router, ApiEnv& env);        // records.cpp
void addCertificateRoutes(Router& router, ApiEnv& env);    // certificates.cpp
void addPrintOutcomeRoutes(Router& router, ApiEnv& env);   // certificate_printing.cpp
void addFilingRoutes(Router& router, ApiEnv& env);         // filings.cpp
void addProgressRoutes(Router& router, ApiEnv& env);       // progress.cpp
void addFeedbackRoutes(Router& router, ApiEnv& env);       // feedback.cpp (ratings, complaints)
void addQueueRoutes(Router& router, ApiEnv& env);          // queue.cpp
void addFleetRoutes(Router& router, ApiEnv& env);          // fleet.cpp

}  // namespace onestop::central::api
