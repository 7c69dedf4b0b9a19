# A script run by kubectl exec ends where it calls exit, and its status becomes kubectl's.
kubectl run box --image=busybox -- sleep 3600
kubectl wait --for=condition=Ready pod/box --timeout=60s
kubectl exec box -- sh -c 'echo one; exit 4; echo two'
echo $?
kubectl exec box -- sh -c 'false; exit'
echo $?
kubectl exec box -- sh -c 'exit nope'
echo $?
echo 'exit 5' | kubectl exec -i box -- sh
echo $?
kubectl exec box -- sh -c 'true && exit 0; echo never'
echo $?
kubectl exec -it box -- sh
exit 3
echo $?
kubectl exec -it box -- sh
exit
echo $?
