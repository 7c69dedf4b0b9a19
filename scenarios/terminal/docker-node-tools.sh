# docker on the lab machine: the kind node image, a node container's boot log, and a binary the node image does not have.
docker images
docker image ls -q
docker logs kind-worker
docker logs --tail 3 kind-control-plane
docker logs kind-worker 2>/dev/null | head -3
docker logs nope
docker exec kind-worker ping -c1 8.8.8.8
echo $?
docker exec kind-worker netstat -tlnp
docker exec kind-worker /usr/bin/ping
docker exec -it kind-worker bash
ping 8.8.8.8
echo $?
exit
docker stop kind-worker
docker start kind-worker
docker logs kind-worker 2>&1 | grep -c INFO
docker inspect -f '{{.Image}}' kind-worker
docker exec kind-worker bash -c 'ping -c1 8.8.8.8; echo "status $?"'
