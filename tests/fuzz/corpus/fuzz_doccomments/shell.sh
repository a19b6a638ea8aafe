#!/bin/sh
# Deploys the site.
# Usage: deploy TARGET
deploy() {
  :
}
