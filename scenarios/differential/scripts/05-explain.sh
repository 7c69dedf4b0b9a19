# kubectl explain reads the server's /openapi/v3 documents: both kubectls must print the same.
kubectl explain pods
kubectl explain pods.spec.containers
kubectl explain pod.spec.containers.image
kubectl explain deployments.apps.spec.strategy
kubectl explain deploy.spec.template.metadata.labels
kubectl explain svc.spec.ports --recursive
kubectl explain hpa.spec
kubectl explain hpa.spec --api-version=autoscaling/v1
kubectl explain cronjobs.spec.jobTemplate.spec.template.spec.restartPolicy
kubectl explain pods.spec.containers.imagee
kubectl explain foo
kubectl explain
kubectl explain pods svc
kubectl explain deployments --api-version=apps/v9
kubectl explain pods --output=foo
kubectl explain nodes.status.capacity
kubectl explain po.metadata.labels --recursive
