/**
 * Plausibility of a reading: pure rules that flag a landmark placed far from where its protocol
 * expects it (a plateau point far from the knee, a condyle distal to its plateau point, a joint-line
 * convergence beyond 10°, a femur and tibia of implausible proportions). A flag asks the reader to
 * check a landmark; it never changes a value.
 */
package org.orthomeasure.core.plausibility;
